package io.tributary.publisher.micronaut.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RouteCondition;
import io.tributary.catalog.Operation;
import io.tributary.catalog.OperationKind;
import io.tributary.catalog.Pagination;
import io.tributary.catalog.Parameter;
import io.tributary.catalog.Parameter.Location;
import io.tributary.catalog.Relation;
import io.tributary.catalog.Resource;
import io.tributary.catalog.ResponseEnvelope;
import io.tributary.publisher.annotation.Action;
import io.tributary.publisher.annotation.DeprecationReason;
import io.tributary.publisher.annotation.Description;
import io.tributary.publisher.annotation.Finder;
import io.tributary.publisher.annotation.ForwardRelation;
import io.tributary.publisher.annotation.IdsParameter;
import io.tributary.publisher.annotation.Page;
import io.tributary.publisher.annotation.Paged;
import io.tributary.publisher.annotation.PartialUpdate;
import io.tributary.publisher.annotation.ReverseRelation;
import io.tributary.publisher.annotation.Scopes;
import io.tributary.publisher.annotation.ThroughRelation;
import io.tributary.publisher.annotation.TributaryResource;
import io.tributary.publisher.micronaut.CatalogResources;
import jakarta.annotation.Nullable;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClassificationTest {
    private static ApplicationContext context;
    private static Resource books;

    @BeforeAll
    static void deriveTheBooksResource() {
        context = ApplicationContext.run(Map.of("spec.name", "ClassificationTest"));
        books = context.getBean(CatalogResources.class).resources().getFirst();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void shouldDeriveOneResourceNamedByTheAnnotation() {
        assertThat(context.getBean(CatalogResources.class).resources()).singleElement().satisfies(r -> {
            assertThat(r.qualifiedName()).isEqualTo("books.v3");
            assertThat(r.description()).isEqualTo("Books on the shelf.");
            assertThat(r.keyField()).isEqualTo("id");
            assertThat(r.modelName()).isEqualTo("Book");
        });
    }

    @Test
    void shouldClassifyAGetOnTheKeyPathAsGet() {
        Operation get = operation(OperationKind.GET);
        assertThat(get.httpMethod() + " " + get.path()).isEqualTo("GET /books/{id}");
        assertThat(get.parameters()).containsExactly(
                Parameter.of("id", Schema.Type.STRING, Location.PATH, true, "The book's id."));
        assertThat(get.envelope()).isEqualTo(ResponseEnvelope.BARE);
        assertThat(get.description()).isEqualTo("The book with this id.");
    }

    @Test
    void shouldClassifyAGetOnTheBasePathWithIdsAsMultiGet() {
        Operation multiGet = operation(OperationKind.MULTI_GET);
        assertThat(multiGet.httpMethod() + " " + multiGet.path()).isEqualTo("GET /books");
        assertThat(multiGet.parameters()).containsExactly(new Parameter("ids",
                Schema.createArray(Schema.create(Schema.Type.STRING)), Location.QUERY, true, ""));
        assertThat(multiGet.envelope()).isEqualTo(ResponseEnvelope.NAPTIME);
    }

    @Test
    void shouldClassifyAPlainGetOnTheBasePathAsGetAllWithItsPaging() {
        Operation getAll = operation(OperationKind.GET_ALL);
        assertThat(getAll.httpMethod() + " " + getAll.path()).isEqualTo("GET /books");
        assertThat(getAll.pagination()).isEqualTo(new Pagination(Pagination.Style.PAGE, "page", "per_page"));
        assertThat(getAll.parameters()).as("paging parameters are described by the pagination").isEmpty();
    }

    @Test
    void shouldClassifyAFinderByItsAnnotationOnItsOwnPath() {
        Operation finder = operation(OperationKind.FINDER, "byAuthorId");
        assertThat(finder.httpMethod() + " " + finder.path()).isEqualTo("GET /books/byAuthorId");
        assertThat(finder.parameters()).containsExactly(
                Parameter.of("authorId", Schema.Type.LONG, Location.QUERY, true, ""));
        assertThat(finder.pagination()).isEqualTo(Pagination.OFFSET);
        assertThat(finder.envelope()).isEqualTo(ResponseEnvelope.NAPTIME);
    }

    @Test
    void shouldPublishAFinderReturningAListWithABareArrayAndOptionalArgumentsAsOptional() {
        Operation search = operation(OperationKind.FINDER, "search");
        assertThat(search.path()).as("without the query expansion of the URI template").isEqualTo("/books/search");
        assertThat(search.envelope()).isEqualTo(ResponseEnvelope.BARE);
        assertThat(search.pagination()).isEqualTo(Pagination.NONE);
        assertThat(search.parameters()).containsExactly(
                Parameter.of("query", Schema.Type.STRING, Location.QUERY, true, "Words in the title."),
                Parameter.of("max", Schema.Type.INT, Location.QUERY, false, ""),
                Parameter.of("sort", Schema.Type.STRING, Location.QUERY, false, ""));
    }

    @Test
    void shouldClassifyAPostOnTheBasePathAsCreateWithTheModelAsBody() {
        Operation create = operation(OperationKind.CREATE);
        assertThat(create.httpMethod() + " " + create.path()).isEqualTo("POST /books");
        assertThat(create.parameters()).containsExactly(new Parameter("book", books.model(), Location.BODY, true, ""));
    }

    @Test
    void shouldClassifyAPutOnTheKeyPathAsUpdate() {
        Operation update = operation(OperationKind.UPDATE);
        assertThat(update.httpMethod() + " " + update.path()).isEqualTo("PUT /books/{id}");
        assertThat(update.parameters()).extracting(Parameter::name, Parameter::location)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("id", Location.PATH),
                        org.assertj.core.groups.Tuple.tuple("book", Location.BODY));
    }

    @Test
    void shouldClassifyAPartialUpdateAsPatchNamedByItsField() {
        Operation patch = operation(OperationKind.PATCH, "title");
        assertThat(patch.httpMethod() + " " + patch.path()).isEqualTo("PATCH /books/{id}");
        assertThat(patch.parameters()).containsExactly(
                Parameter.of("id", Schema.Type.STRING, Location.PATH, true, ""),
                Parameter.of("title", Schema.Type.STRING, Location.BODY, true, ""));
    }

    @Test
    void shouldClassifyADeleteOnTheKeyPathAsDelete() {
        Operation delete = operation(OperationKind.DELETE);
        assertThat(delete.httpMethod() + " " + delete.path()).isEqualTo("DELETE /books/{id}");
    }

    @Test
    void shouldClassifyAnActionByItsAnnotationLeavingRequestPartsOut() {
        Operation lend = operation(OperationKind.ACTION, "lend");
        assertThat(lend.httpMethod() + " " + lend.path()).isEqualTo("POST /books/{id}/lend");
        assertThat(lend.parameters()).extracting(Parameter::name).containsExactly("id", "borrower");
    }

    @Test
    void shouldListOperationsInKindOrderThenByName() {
        assertThat(books.operations()).extracting(op -> op.kind() + (op.name().isEmpty() ? "" : " " + op.name()))
                .containsExactly("GET", "MULTI_GET", "GET_ALL", "FINDER byAuthorId", "FINDER search", "CREATE",
                        "UPDATE", "PATCH title", "DELETE", "ACTION lend");
    }

    @Test
    void shouldCombineTheScopesOfTheControllerAndTheRoute() {
        assertThat(operation(OperationKind.GET).scopes()).containsExactly("books:read");
        assertThat(operation(OperationKind.CREATE).scopes()).containsExactly("books:read", "books:write");
    }

    @Test
    void shouldDeprecateARouteWithItsReasonOrTheDefault() {
        assertThat(operation(OperationKind.FINDER, "search").deprecationReason()).isEqualTo("Use byAuthorId.");
        assertThat(operation(OperationKind.DELETE).deprecationReason()).isEqualTo("No longer supported");
        assertThat(operation(OperationKind.GET).isDeprecated()).isFalse();
    }

    @Test
    void shouldReadEveryKindOfRelationSortedByField() {
        assertThat(books.relations()).containsExactly(
                new Relation.Forward("authors", "authors.v1", "authorIds", "Who wrote it."),
                new Relation.Through("publisher", "publishers.v1", List.of("authors", "publisher"), ""),
                new Relation.Reverse("reviews", "reviews.v2", "byBookId", Map.of("bookId", "$id", "order", "newest"), ""));
    }

    private static Operation operation(OperationKind kind) {
        return operation(kind, "");
    }

    private static Operation operation(OperationKind kind, String name) {
        return books.operations().stream().filter(op -> op.kind() == kind && op.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + books.operations()));
    }

    /** A book on the shelf. */
    @Introspected
    @Description("A book on the shelf.")
    record Book(@Description("Identifies the book.") String id, String title, @Nullable String subtitle, List<String> authorIds) {
    }

    /** One route of every kind, the way a service developer writes them. */
    @Controller("/books")
    @TributaryResource(name = "books", version = 3, description = "Books on the shelf.")
    @Requires(property = "spec.name", value = "ClassificationTest")
    @Scopes("books:read")
    @ForwardRelation(field = "authors", target = "authors.v1", sourceField = "authorIds", description = "Who wrote it.")
    @ReverseRelation(field = "reviews", target = "reviews.v2", finder = "byBookId", arguments = {"bookId=$id", "order = newest"})
    @ThroughRelation(field = "publisher", target = "publishers.v1", path = {"authors", "publisher"})
    static class BooksController {
        @Get("/{id}")
        @Description("The book with this id.")
        public Book get(@PathVariable @Description("The book's id.") String id) {
            throw new UnsupportedOperationException();
        }

        @Get
        @RouteCondition(IdsParameter.PRESENT)
        public Page<Book> multiGet(@QueryValue List<String> ids) {
            throw new UnsupportedOperationException();
        }

        @Get
        @RouteCondition(IdsParameter.ABSENT)
        @Paged(value = Paged.Style.PAGE, size = "per_page")
        public Page<Book> all(@QueryValue(defaultValue = "1") int page, @QueryValue("per_page") @Nullable Integer perPage) {
            throw new UnsupportedOperationException();
        }

        @Get("/byAuthorId")
        @Finder("byAuthorId")
        @Paged
        public HttpResponse<Page<Book>> byAuthorId(long authorId, @QueryValue(defaultValue = "0") int start,
                @QueryValue(defaultValue = "10") int limit) {
            throw new UnsupportedOperationException();
        }

        @Get("/search{?query,max}")
        @Finder("search")
        @Deprecated
        @DeprecationReason("Use byAuthorId.")
        public List<Book> search(@QueryValue @Description("Words in the title.") String query,
                @QueryValue @Nullable Integer max, @QueryValue java.util.Optional<String> sort,
                @Header("Accept-Language") String language) {
            throw new UnsupportedOperationException();
        }

        @Post
        @Scopes("books:write")
        public HttpResponse<Book> create(@Body Book book) {
            throw new UnsupportedOperationException();
        }

        @Put("/{id}")
        public Book update(@PathVariable String id, @Body Book book) {
            throw new UnsupportedOperationException();
        }

        @Patch("/{id}")
        @PartialUpdate("title")
        public Book retitle(@PathVariable String id, @Body("title") String title) {
            throw new UnsupportedOperationException();
        }

        @Delete("/{id}")
        @Deprecated
        public HttpResponse<Void> delete(String id) {
            throw new UnsupportedOperationException();
        }

        @Post("/{id}/lend")
        @Action("lend")
        public Book lend(@PathVariable String id, @Body("borrower") String borrower, HttpRequest<?> request) {
            throw new UnsupportedOperationException();
        }
    }
}
