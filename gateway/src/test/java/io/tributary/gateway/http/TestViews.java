package io.tributary.gateway.http;

import io.tributary.catalog.CourseCatalogs;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ServiceCatalog;
import io.tributary.view.Cause;
import io.tributary.view.SchemaView;
import io.tributary.view.ViewFold;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Schema views for gateway tests: the courses fixtures, served from a test server's base URL. */
public final class TestViews {
    private TestViews() {
    }

    /** Version {@code version} of the default graph over {@code catalogs}, each answering at {@code baseUrl}. */
    public static SchemaView view(long version, String baseUrl, ServiceCatalog... catalogs) {
        List<ServiceCatalog> here = Arrays.stream(catalogs).map(c -> new ServiceCatalog(c.service(), c.instanceId(),
                c.serviceVersion(), c.publishedAt(), baseUrl, c.leaseMillis(), c.resources())).toList();
        SchemaView first = new ViewFold("default").next(Optional.empty(), here, new Cause("t", 0, version, "k"), Instant.EPOCH)
                .orElseThrow();
        return new SchemaView(first.graph(), version, first.hash(), first.composedAt(), first.sdl(), first.routing(),
                first.services(), first.diagnostics(), first.failedServices(), first.changes(), first.cause());
    }

    /** Courses v2 where reading one course ({@code Query.course}) requires {@code courses:read}; the MULTI_GET is open. */
    public static ServiceCatalog scopedCourses() {
        ServiceCatalog courses = CourseCatalogs.v2("a");
        Resource resource = courses.resources().getFirst();
        List<Operation> operations = resource.operations().stream().map(op -> op.kind() != OperationKind.GET ? op
                : new Operation(op.kind(), op.name(), op.httpMethod(), op.path(), op.parameters(), op.pagination(), op.envelope(),
                op.projection(), List.of("courses:read"), op.deprecationReason(), op.description())).toList();
        Resource scoped = new Resource(resource.name(), resource.version(), resource.description(), resource.model(),
                resource.keyField(), operations, resource.relations(), resource.deprecationReason());
        return new ServiceCatalog(courses.service(), courses.instanceId(), courses.serviceVersion(), courses.publishedAt(),
                courses.baseUrl(), courses.leaseMillis(), List.of(scoped));
    }
}
