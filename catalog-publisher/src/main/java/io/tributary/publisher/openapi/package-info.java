/**
 * The OpenAPI adapter: turns an OpenAPI 3.0 or 3.1 document into catalog resources, so that a service in any language
 * joins the graph through a sidecar ({@link io.tributary.publisher.openapi.OpenApiSidecar}, {@code tributary publish})
 * instead of an embedded publisher. Needs {@code io.swagger.parser.v3:swagger-parser-v3} on the classpath; the
 * catalog-publisher module declares it optional.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>The resource is the first path segment ({@code /partner-contacts/...} → {@code partnerContacts.v1}); its model
 *       is the object its {@code GET /things/{id}} returns (else what its list operations return), named after the
 *       schema component ({@code Partner}); its key field is the GET's path variable if the model has it, else
 *       {@code id}.</li>
 *   <li>{@code GET /things/{id}} GET; {@code GET /things} MULTI_GET when it takes {@code ids} (sent as
 *       {@code ids=a,b}), a FINDER per value of a {@code q} enum, and GET_ALL unless {@code ids} or {@code q} is
 *       required; {@code POST /things} CREATE; {@code PUT}, {@code PATCH} (named by {@code x-tributary-name} or the
 *       operationId), {@code DELETE /things/{id}} UPDATE, PATCH, DELETE; {@code POST /things/{id}/verb} the ACTION
 *       {@code verb}.</li>
 *   <li>Paging from query parameters: {@code cursor}/{@code after}/{@code pageToken} with a size, {@code start} or
 *       {@code offset} with {@code limit}, {@code page} with {@code pageSize}/{@code page_size}/{@code per_page}/
 *       {@code size}/{@code limit}. A {@code fields} parameter means projection.</li>
 *   <li>Elements in the response: a bare array, Naptime's {@code {elements: [...], paging: {total, next}}}, or the
 *       object itself for GET.</li>
 * </ul>
 *
 * <h2>Extensions, for what conventions cannot say</h2>
 * <ul>
 *   <li>{@code x-tributary-resource: {name, version, key, description}} (or {@code partners.v2}) on a path item or
 *       operation;</li>
 *   <li>{@code x-tributary-finder: byOwnerId} on a GET, {@code x-tributary-action: archive} on any other method,
 *       whatever their path;</li>
 *   <li>{@code x-tributary-name: title} on a PATCH;</li>
 *   <li>{@code x-tributary-pagination: {style: offset|page|cursor, position: start, size: limit}} or {@code none};</li>
 *   <li>{@code x-tributary-envelope: {elements: /data, total: /meta/total, next: /meta/next}} on an operation or on
 *       its response's schema;</li>
 *   <li>{@code x-tributary-relations: [{field, target, forward: sourceField | reverse: finder, arguments: {..} |
 *       through: [..], description}]} on the model's schema or a path item.</li>
 * </ul>
 *
 * <p>Every operation that cannot be mapped is reported with its method, path and reason
 * ({@link io.tributary.publisher.openapi.OpenApiMapping#report()}); nothing is dropped in silence.
 */
package io.tributary.publisher.openapi;
