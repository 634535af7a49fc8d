package io.tributary.publisher.micronaut.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.tributary.publisher.annotation.Action;
import io.tributary.publisher.annotation.DeprecationReason;
import io.tributary.publisher.annotation.Finder;
import io.tributary.publisher.annotation.ForwardRelation;
import io.tributary.publisher.annotation.Paged;
import io.tributary.publisher.annotation.PartialUpdate;
import io.tributary.publisher.annotation.ReverseRelation;
import io.tributary.publisher.annotation.TributaryResource;
import io.tributary.publisher.micronaut.CatalogResources;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each mistake a service developer can make in the annotations stops the application with a message that names it. */
class MistakesTest {

    @Test
    void shouldRefuseAFinderWithNoArgumentsBesidesPaging() {
        assertStartFails(FinderWithoutArguments.class,
                "FinderWithoutArguments.everything: @Finder needs at least one argument besides paging");
    }

    @Test
    void shouldRefuseARelationToAMalformedResourceName() {
        assertStartFails(RelationToMalformedName.class, "RelationToMalformedName: @ForwardRelation(field = \"parts\"): "
                + "target of relation parts (resource name and version, such as instructors.v1) must match "
                + "[a-z][A-Za-z0-9]*\\.v[1-9][0-9]*, was 'parts'");
    }

    @Test
    void shouldRefuseAModelWithATypeAvroCannotExpress() {
        assertStartFails(UnexpressibleModel.class, "UnexpressibleModel.get: Clock.setAt has type java.time.OffsetDateTime, "
                + "which Avro cannot express (it can: String, int, long, double, float, boolean, enums, List, Set, arrays, "
                + "Map<String, V>, LocalDate, Instant, UUID, BigDecimal and introspected records)");
    }

    @Test
    void shouldRefuseAModelWithAPropertyOfAClassWithoutIntrospection() {
        assertStartFails(UnintrospectedProperty.class, "UnintrospectedProperty.get: Drawer.handle has type "
                + "io.tributary.publisher.micronaut.catalog.MistakesTest$Handle, which Avro cannot express: it has no "
                + "bean introspection (annotate it with @Serdeable or @Introspected)");
    }

    @Test
    void shouldRefuseAMapWhoseKeysAreNotStrings() {
        assertStartFails(MapWithNumberKeys.class, "MapWithNumberKeys.get: Ledger.entries is a Map<Integer, String>, "
                + "but Avro maps need String keys: declare it as Map<String, V>");
    }

    @Test
    void shouldRefuseAFinderOnAPost() {
        assertStartFails(FinderOnPost.class, "FinderOnPost.byName: @Finder goes on a @Get route, not a POST");
    }

    @Test
    void shouldRefuseAPatchThatDoesNotSayWhichFieldItChanges() {
        assertStartFails(PatchWithoutField.class,
                "PatchWithoutField.rename: a PATCH route needs @PartialUpdate(\"field\") to say which field it changes");
    }

    @Test
    void shouldRefuseAPartialUpdateOfAFieldTheModelDoesNotHave() {
        assertStartFails(PartialUpdateOfUnknownField.class,
                "PartialUpdateOfUnknownField.rename: @PartialUpdate(\"nickname\") names no field of Widget");
    }

    @Test
    void shouldRefuseARouteThatFitsNoConvention() {
        assertStartFails(UnconventionalRoute.class, "UnconventionalRoute.stats: GET /widgets/{id}/stats fits no "
                + "convention (GET {base}/{id}, GET {base}, POST {base}, PUT {base}/{id}, DELETE {base}/{id}); "
                + "annotate it with @Finder or @Action, or serve it from a controller without @TributaryResource");
    }

    @Test
    void shouldRefuseTwoRoutesMicronautCannotTellApart() {
        assertStartFails(IndistinguishableRoutes.class, "IndistinguishableRoutes.all and IndistinguishableRoutes.multiGet "
                + "both answer GET /widgets, which Micronaut cannot tell apart; give each a @RouteCondition, such as "
                + "@RouteCondition(IdsParameter.PRESENT) and @RouteCondition(IdsParameter.ABSENT)");
    }

    @Test
    void shouldRefuseTwoFindersWithOneName() {
        assertStartFails(DuplicateFinder.class,
                "DuplicateFinder.byNameAgain: declares FINDER byName, which DuplicateFinder.byName declares already");
    }

    @Test
    void shouldRefusePagingWithoutItsQueryParameters() {
        assertStartFails(PagedWithoutParameters.class, "PagedWithoutParameters.all: @Paged(CURSOR) needs the query "
                + "parameters cursor and limit; missing cursor");
    }

    @Test
    void shouldRefuseAReverseRelationArgumentThatIsNotNameEqualsValue() {
        assertStartFails(MalformedReverseArgument.class, "MalformedReverseArgument: @ReverseRelation(field = \"owners\"): "
                + "argument 'widgetId:$id' must read name=value, such as courseId=$id");
    }

    @Test
    void shouldRefuseAForwardRelationFromAFieldTheModelDoesNotHave() {
        assertStartFails(ForwardFromUnknownField.class, "ForwardFromUnknownField: @ForwardRelation(field = \"parts\"): "
                + "sourceField names 'partIds', which is not a field of Widget");
    }

    @Test
    void shouldRefuseReadRoutesReturningDifferentModels() {
        assertStartFails(TwoModels.class, "TwoModels.byName: returns List<Gizmo>, but the model is Widget (from TwoModels.get)");
    }

    @Test
    void shouldRefuseAResourceWithoutARouteToTakeItsModelFrom() {
        assertStartFails(NoReadRoute.class, "NoReadRoute: widgets.v1 has no GET, MULTI_GET, GET_ALL or FINDER route "
                + "returning elements to take its model from");
    }

    @Test
    void shouldRefuseAGetThatReturnsAList() {
        assertStartFails(GetReturningList.class, "GetReturningList.get: a GET returns one Widget, not List<Widget>");
    }

    @Test
    void shouldRefuseABodyArgumentThatDoesNotSayHowItTravels() {
        assertStartFails(UnannotatedBodyArgument.class, "UnannotatedBodyArgument.create: argument widget does not say "
                + "where it travels; annotate it with @PathVariable, @QueryValue or @Body");
    }

    @Test
    void shouldRefuseAWholeBodyThatIsNotARecord() {
        assertStartFails(WholeBodyNotARecord.class, "WholeBodyNotARecord.polish: @Body how takes the whole body, which "
                + "must be a record; bind a single value with @Body(\"how\")");
    }

    @Test
    void shouldRefuseMultiGetIdsThatAreNotAList() {
        assertStartFails(IdsNotAList.class, "IdsNotAList.multiGet: the ids of a multi-get must be a List or Set query "
                + "value (Micronaut splits ids=a,b,c into one), was query \"string\"");
    }

    @Test
    void shouldRefuseADeprecationReasonWithoutDeprecated() {
        assertStartFails(ReasonWithoutDeprecated.class,
                "ReasonWithoutDeprecated.get: @DeprecationReason without @Deprecated; add @Deprecated too");
    }

    @Test
    void shouldRefuseAKeyFieldTheModelDoesNotHave() {
        assertStartFails(UnknownKeyField.class, "UnknownKeyField: key field 'sku' of widgets.v1 is not a field of "
                + "io.tributary.publisher.micronaut.catalog.Widget");
    }

    @Test
    void shouldRefuseAnActionNameThatIsNotLowerCamelCase() {
        assertStartFails(BadActionName.class,
                "BadActionName.polish: @Action(\"Polish-It\") must be a lower camel case name, such as byInstructorId");
    }

    @Test
    void shouldRefuseAWholeBodyNextToAnotherBodyArgument() {
        assertStartFails(WholeBodyAndProperty.class, "WholeBodyAndProperty.create: @Body widget takes the whole body, "
                + "so no other argument can be a @Body");
    }

    @Test
    void shouldRefuseALoneRecordBodyPropertyThatReadsAsTheWholeBody() {
        assertStartFails(LoneRecordBodyProperty.class, "LoneRecordBodyProperty.create: @Body(\"widget\") is the only "
                + "body property and a record, which reads as the whole body; use @Body without a name");
    }

    @Test
    void shouldRefusePagingOnAMultiGet() {
        assertStartFails(PagedMultiGet.class,
                "PagedMultiGet.multiGet: @Paged applies to get-all and finder routes, not to a MULTI_GET");
    }

    @Test
    void shouldRefuseAModelThatIsNotARecord() {
        assertStartFails(ModelNotARecord.class, "ModelNotARecord.get: returns String, but the model of widgets.v1 must "
                + "be an introspected record (annotate it with @Serdeable)");
    }

    @Test
    void shouldRefuseTwoControllersDeclaringOneResource() {
        assertStartFails(SameResourceTwice.class,
                "SecondControllerOfWidgets: declares widgets.v1, which SameResourceTwice declares too");
    }

    @Test
    void shouldRefuseTwoJavaTypesThatWouldShareAnAvroName() {
        assertStartFails(AvroNameClash.class, "AvroNameClash.get: io.tributary.publisher.micronaut.catalog.MistakesTest$Widget"
                + " and io.tributary.publisher.micronaut.catalog.MistakesTest$Spare$Widget would both be the Avro type "
                + "io.tributary.publisher.micronaut.catalog.Widget; rename one of them");
    }

    @Test
    void shouldRefuseARouteThatIsBothAFinderAndAnAction() {
        assertStartFails(FinderAndAction.class,
                "FinderAndAction.byName: @Finder and @Action exclude each other; a route is one operation");
    }

    @Test
    void shouldDeriveNoCatalogInAContextWithoutAnnotatedControllers() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("spec.name", "nothing"))) {
            assertThat(context.containsBean(CatalogResources.class)).isFalse();
        }
    }

    private static void assertStartFails(Class<?> controller, String message) {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("spec.name", controller.getSimpleName())).close())
                .rootCause()
                .isInstanceOf(CatalogDeclarationException.class)
                .hasMessage(message);
    }

    /** The model most mistakes are made around. */
    @Introspected
    record Widget(String id, String name) {
    }

    /** Another model, for the mistake of mixing two. */
    @Introspected
    record Gizmo(String id) {
    }

    /** A model property Avro cannot express. */
    @Introspected
    record Clock(String id, OffsetDateTime setAt) {
    }

    /** A class Micronaut has no introspection of. */
    static final class Handle {
    }

    /** A model whose property has a type without introspection. */
    @Introspected
    record Drawer(String id, Handle handle) {
    }

    /** Holds a second Java type that Avro would name Widget too. */
    static final class Spare {
        /** A widget of another kind, in the same package. */
        @Introspected
        record Widget(String serial) {
        }
    }

    /** A model whose properties are two types with the same Avro name. */
    @Introspected
    record Crate(String id, Widget widget, Spare.Widget spare) {
    }

    /** A model with a map Avro cannot key. */
    @Introspected
    record Ledger(String id, Map<Integer, String> entries) {
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "FinderWithoutArguments")
    static class FinderWithoutArguments {
        @Get("/everything")
        @Finder("everything")
        @Paged
        public List<Widget> everything(int start, int limit) {
            return List.of();
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "RelationToMalformedName")
    @ForwardRelation(field = "parts", target = "parts", sourceField = "name")
    static class RelationToMalformedName {
        @Get("/{id}")
        public Widget get(String id) {
            return null;
        }
    }

    @Controller("/clocks")
    @TributaryResource(name = "clocks")
    @Requires(property = "spec.name", value = "UnexpressibleModel")
    static class UnexpressibleModel {
        @Get("/{id}")
        public Clock get(String id) {
            return null;
        }
    }

    @Controller("/drawers")
    @TributaryResource(name = "drawers")
    @Requires(property = "spec.name", value = "UnintrospectedProperty")
    static class UnintrospectedProperty {
        @Get("/{id}")
        public Drawer get(String id) {
            return null;
        }
    }

    @Controller("/ledgers")
    @TributaryResource(name = "ledgers")
    @Requires(property = "spec.name", value = "MapWithNumberKeys")
    static class MapWithNumberKeys {
        @Get("/{id}")
        public Ledger get(String id) {
            return null;
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "FinderOnPost")
    static class FinderOnPost {
        @Post("/byName")
        @Finder("byName")
        public List<Widget> byName(@Body("name") String name) {
            return List.of();
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "PatchWithoutField")
    static class PatchWithoutField {
        @Get("/{id}")
        public Widget get(String id) {
            return null;
        }

        @Patch("/{id}")
        public Widget rename(@PathVariable String id, @Body("name") String name) {
            return null;
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "PartialUpdateOfUnknownField")
    static class PartialUpdateOfUnknownField {
        @Get("/{id}")
        public Widget get(String id) {
            return null;
        }

        @Patch("/{id}")
        @PartialUpdate("nickname")
        public Widget rename(@PathVariable String id, @Body("nickname") String nickname) {
            return null;
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "UnconventionalRoute")
    static class UnconventionalRoute {
        @Get("/{id}")
        public Widget get(String id) {
            return null;
        }

        @Get("/{id}/stats")
        public Map<String, Long> stats(String id) {
            return Map.of();
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "IndistinguishableRoutes")
    static class IndistinguishableRoutes {
        @Get
        public List<Widget> multiGet(@QueryValue List<String> ids) {
            return List.of();
        }

        @Get
        public List<Widget> all() {
            return List.of();
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "DuplicateFinder")
    static class DuplicateFinder {
        @Get("/byName")
        @Finder("byName")
        public List<Widget> byName(String name) {
            return List.of();
        }

        @Get("/byNameAgain")
        @Finder("byName")
        public List<Widget> byNameAgain(String name) {
            return List.of();
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "PagedWithoutParameters")
    static class PagedWithoutParameters {
        @Get
        @Paged(Paged.Style.CURSOR)
        public List<Widget> all(@QueryValue(defaultValue = "10") int limit) {
            return List.of();
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "MalformedReverseArgument")
    @ReverseRelation(field = "owners", target = "owners.v1", finder = "byWidgetId", arguments = "widgetId:$id")
    static class MalformedReverseArgument {
        @Get("/{id}")
        public Widget get(String id) {
            return null;
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "ForwardFromUnknownField")
    @ForwardRelation(field = "parts", target = "parts.v1", sourceField = "partIds")
    static class ForwardFromUnknownField {
        @Get("/{id}")
        public Widget get(String id) {
            return null;
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "TwoModels")
    static class TwoModels {
        @Get("/{id}")
        public Widget get(String id) {
            return null;
        }

        @Get("/byName")
        @Finder("byName")
        public List<Gizmo> byName(String name) {
            return List.of();
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "NoReadRoute")
    static class NoReadRoute {
        @Post("/{id}/polish")
        @Action("polish")
        public Widget polish(@PathVariable String id) {
            return null;
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "GetReturningList")
    static class GetReturningList {
        @Get("/{id}")
        public List<Widget> get(String id) {
            return List.of();
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "UnannotatedBodyArgument")
    static class UnannotatedBodyArgument {
        @Get("/{id}")
        public Widget get(String id) {
            return null;
        }

        @Post
        public Widget create(Widget widget) {
            return widget;
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "WholeBodyNotARecord")
    static class WholeBodyNotARecord {
        @Get("/{id}")
        public Widget get(String id) {
            return null;
        }

        @Post("/{id}/polish")
        @Action("polish")
        public Widget polish(@PathVariable String id, @Body String how) {
            return null;
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "IdsNotAList")
    static class IdsNotAList {
        @Get
        public List<Widget> multiGet(@QueryValue String ids) {
            return List.of();
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "ReasonWithoutDeprecated")
    static class ReasonWithoutDeprecated {
        @Get("/{id}")
        @DeprecationReason("Use the multi-get.")
        public Widget get(String id) {
            return null;
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets", keyField = "sku")
    @Requires(property = "spec.name", value = "UnknownKeyField")
    static class UnknownKeyField {
        @Get("/{id}")
        public Widget get(String id) {
            return null;
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "BadActionName")
    static class BadActionName {
        @Get("/{id}")
        public Widget get(String id) {
            return null;
        }

        @Post("/{id}/polish")
        @Action("Polish-It")
        public Widget polish(@PathVariable String id) {
            return null;
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "WholeBodyAndProperty")
    static class WholeBodyAndProperty {
        @Get("/{id}")
        public Widget get(String id) {
            return null;
        }

        @Post
        public Widget create(@Body Widget widget, @Body("note") String note) {
            return widget;
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "LoneRecordBodyProperty")
    static class LoneRecordBodyProperty {
        @Get("/{id}")
        public Widget get(String id) {
            return null;
        }

        @Post
        public Widget create(@Body("widget") Widget widget) {
            return widget;
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "PagedMultiGet")
    static class PagedMultiGet {
        @Get
        @Paged
        public List<Widget> multiGet(@QueryValue List<String> ids, int start, int limit) {
            return List.of();
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "ModelNotARecord")
    static class ModelNotARecord {
        @Get("/{id}")
        public String get(String id) {
            return id;
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "SameResourceTwice")
    static class SameResourceTwice {
        @Get("/{id}")
        public Widget get(String id) {
            return null;
        }
    }

    @Controller("/more-widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "SameResourceTwice")
    static class SecondControllerOfWidgets {
        @Get("/{id}")
        public Widget get(String id) {
            return null;
        }
    }

    @Controller("/crates")
    @TributaryResource(name = "crates")
    @Requires(property = "spec.name", value = "AvroNameClash")
    static class AvroNameClash {
        @Get("/{id}")
        public Crate get(String id) {
            return null;
        }
    }

    @Controller("/widgets")
    @TributaryResource(name = "widgets")
    @Requires(property = "spec.name", value = "FinderAndAction")
    static class FinderAndAction {
        @Get("/byName")
        @Finder("byName")
        @Action("byName")
        public List<Widget> byName(String name) {
            return List.of();
        }
    }
}
