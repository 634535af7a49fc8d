/**
 * The OpenAPI adapter: turns an OpenAPI 3.0 or 3.1 (or Swagger 2.0) document into catalog resources, so that a
 * service in any language joins the graph through a sidecar ({@link io.tributary.publisher.openapi.OpenApiSidecar},
 * {@code tributary publish}) instead of an embedded publisher. Needs {@code io.swagger.parser.v3:swagger-parser-v3}
 * and {@code swagger-parser-v2-converter} on the classpath; the catalog-publisher module declares them optional.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Paths are read without their prefixes ({@code PathShape}): the server URL's
 *       path, a version ({@code /v1}, {@code /2.0}, {@code /tasks/v1}, which also versions the resource) and
 *       {@code /api}. The resource is the collection segment in the plural ({@code /store/order/{orderId}} →
 *       {@code orders.v1}); its model is the object its GET returns (else what its list operations return); its key
 *       field is the GET's path variable if the model has it (also without case, or without the resource's name:
 *       {@code attachment_gid} → {@code gid}), else {@code id}, {@code gid}, {@code sid}, {@code uuid}, {@code key},
 *       {@code code}, {@code slug} or {@code name}.</li>
 *   <li>{@code GET /things/{id}} GET; {@code GET /things} MULTI_GET when it takes {@code ids}, a FINDER per value of
 *       a {@code q} enum, and GET_ALL unless {@code ids} or {@code q} is required; {@code /things/findByStatus},
 *       {@code /things/byOwner}, {@code /things/search} FINDERs; {@code GET /owners/{owner}/{slug}/things} the FINDER
 *       {@code byOwnerAndSlug}; {@code POST /things} CREATE; {@code PUT}, {@code PATCH} (named by
 *       {@code x-tributary-name} or the operationId), {@code DELETE /things/{id}} UPDATE, PATCH, DELETE;
 *       {@code POST /things/{id}/verb}, {@code POST /things/createWithArray} and {@code POST /things/{id}} (named
 *       by its operationId without the noun: {@code updatePetWithForm} → {@code updateWithForm}) ACTIONs.</li>
 *   <li>Paging from query parameters: {@code cursor}/{@code after}/{@code pageToken} with a size, {@code start} or
 *       {@code offset} with {@code limit}, {@code page} with {@code pageSize}/{@code page_size}/{@code per_page}/
 *       {@code size}/{@code limit}. A {@code fields} parameter means projection.</li>
 *   <li>Elements in the response: a bare array, Naptime's {@code {elements: [...], paging: {total, next}}}, a list
 *       under {@code data}, {@code items}, {@code results} (or the only array of objects), one element under
 *       {@code data}, or the object itself for GET.</li>
 *   <li>Standard {@code links} become relations ({@code StandardLinks}); Swagger 2.0
 *       documents are converted first.</li>
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
 * <p>Every operation that cannot be mapped is reported with its method, path, reason and category
 * ({@link io.tributary.publisher.openapi.OpenApiMapping#report()}, {@link io.tributary.publisher.openapi.UnmappedOperation.Category});
 * nothing is dropped in silence.
 */
package io.tributary.publisher.openapi;
