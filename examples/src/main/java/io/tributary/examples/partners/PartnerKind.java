package io.tributary.examples.partners;

/** What sort of organisation a partner is; the OpenAPI document lists the same values as an enum. */
public enum PartnerKind { UNIVERSITY, COMPANY, NONPROFIT, GOVERNMENT }
