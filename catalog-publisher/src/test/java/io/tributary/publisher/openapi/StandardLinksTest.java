package io.tributary.publisher.openapi;

import static io.tributary.publisher.openapi.Documents.map30;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.Relation;
import io.tributary.catalog.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OpenAPI's standard links become relations of the linking response's resource, or notes that say why not. */
class StandardLinksTest {
    private static final String DOCUMENT = """
            paths:
              /users/{username}:
                get:
                  operationId: getUser
                  parameters: [{name: username, in: path, required: true, schema: {type: string}}]
                  responses:
                    '200':
                      description: a user
                      content: {application/json: {schema: {$ref: '#/components/schemas/User'}}}
                      links:
                        %s
              /users/{username}/repositories:
                get:
                  operationId: getRepositoriesByOwner
                  parameters: [{name: username, in: path, required: true, schema: {type: string}}]
                  responses:
                    '200':
                      description: repositories
                      content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Repository'}}}}
              /repositories/{id}:
                get:
                  operationId: getRepository
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses:
                    '200':
                      description: a repository
                      content: {application/json: {schema: {$ref: '#/components/schemas/Repository'}}}
                post:
                  operationId: archiveRepository
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: archived}}
            components:
              links:
                UserRepositories:
                  operationId: getRepositoriesByOwner
                  parameters: {username: $response.body#/username}
              schemas:
                User:
                  type: object
                  properties:
                    username: {type: string}
                    favouriteId: {type: string}
                    team: {type: object, properties: {name: {type: string}}}
                Repository:
                  type: object
                  properties:
                    id: {type: string}
                    name: {type: string}
            """;

    @Test
    void shouldMakeALinkToAFinderAReverseRelationThroughItsRef() {
        Resource users = users(map30(DOCUMENT.formatted("repositories: {$ref: '#/components/links/UserRepositories'}")));

        assertThat(users.relations()).containsExactly(new Relation.Reverse("repositories", "repositories.v1", "byUsername",
                Map.of("username", "$username"), "Linked in the service's OpenAPI document."));
    }

    @Test
    void shouldMakeALinkToAGetByItsKeyAForwardRelationByOperationRef() {
        Resource users = users(map30(DOCUMENT.formatted("""
                favourite: {operationRef: '#/paths/~1repositories~1{id}/get', parameters: {id: $response.body#/favouriteId}}""")));

        assertThat(users.relations()).containsExactly(new Relation.Forward("favourite", "repositories.v1", "favouriteId",
                "Linked in the service's OpenAPI document."));
    }

    @Test
    void shouldReadAPointerBelowTheWrapperTheElementSitsIn() {
        String wrapped = DOCUMENT.replace("content: {application/json: {schema: {$ref: '#/components/schemas/User'}}}",
                "content: {application/json: {schema: {type: object, properties: {data: {$ref: '#/components/schemas/User'}}}}}");
        Resource users = users(map30(wrapped.formatted("""
                favourite: {operationId: getRepository, parameters: {id: $response.body#/data/favouriteId}}""")));

        assertThat(users.relations()).extracting(Relation::field, r -> ((Relation.Forward) r).sourceField())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("favourite", "favouriteId"));
    }

    @Test
    void shouldFillAFinderFromTheRequestPathWhenItIsTheKey() {
        Resource users = users(map30(DOCUMENT.formatted("""
                repositories: {operationId: getRepositoriesByOwner, parameters: {username: $request.path.username}}""")));

        assertThat(users.relations()).extracting(Relation::field, r -> ((Relation.Reverse) r).arguments())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("repositories", Map.of("username", "$username")));
    }

    @Test
    void shouldFillAFinderFromANestedPointer() {
        OpenApiMapping mapping = map30(DOCUMENT.formatted(
                "teamRepositories: {operationId: getRepositoriesByOwner, parameters: {username: $response.body#/team/name}}"));

        assertThat(users(mapping).relations()).containsExactly(new Relation.Reverse("teamRepositories", "repositories.v1", "byUsername",
                Map.of("username", "$team.name"), "Linked in the service's OpenAPI document."));
    }

    @Test
    void shouldMakeALinkToAGetByAKeyTheModelDoesNotDeclareAForwardRelationFromTheUndeclaredProperty() {
        OpenApiMapping mapping = map30(DOCUMENT.formatted("""
                pinned: {operationId: getRepository, parameters: {id: $response.body#/pinned_id}}"""));

        assertThat(users(mapping).relations()).containsExactly(new Relation.Forward("pinned", "repositories.v1", "pinned_id", true,
                "Linked in the service's OpenAPI document."));
        assertThat(mapping.notes()).containsExactly("GET /users/{username}: link 'pinned' reads its key pinned_id from the service's JSON "
                + "although User does not declare it: User.pinned is null where a response has no pinned_id");
    }

    @Test
    void shouldLeaveOutALinkToAFinderFromAPropertyTheModelDoesNotDeclare() {
        OpenApiMapping mapping = map30(DOCUMENT.formatted("""
                repositories: {operationId: getRepositoriesByOwner, parameters: {username: $response.body#/login}}"""));

        assertThat(users(mapping).relations()).isEmpty();
        assertThat(mapping.notes()).containsExactly("GET /users/{username}: link 'repositories' left out: it reads login, which User does "
                + "not declare, and only a forward relation reads its key from a property its model leaves out");
    }

    @Test
    void shouldLeaveOutWithANoteALinkToAnActionOrToAFieldThereIsNot() {
        OpenApiMapping mapping = map30(DOCUMENT.formatted(
                "teamRepositories: {operationId: getRepositoriesByOwner, parameters: {username: $response.body#/team/slug}}\n"
                        + " ".repeat(12) + "archive: {operationId: archiveRepository, parameters: {id: $response.body#/favouriteId}}"));

        assertThat(users(mapping).relations()).isEmpty();
        assertThat(mapping.notes()).containsExactly(
                "GET /users/{username}: link 'teamRepositories' left out: its parameter username = $response.body#/team/slug is not "
                        + "a field of User",
                "GET /users/{username}: link 'archive' left out: its target ACTION archive, POST /repositories/{id}, changes something, and "
                        + "the GraphQL spec requires every field other than a top-level Mutation field to resolve free of side effects and "
                        + "idempotently, so it is no field of User; it stays a Mutation field, whose description names this link and the "
                        + "fields of User that fill its arguments: id = User.favouriteId");
        Resource repositories = mapping.resources().stream().filter(r -> r.name().equals("repositories")).findFirst().orElseThrow();
        assertThat(repositories.operations()).filteredOn(o -> o.name().equals("archive")).singleElement()
                .satisfies(o -> assertThat(o.description()).isEqualTo("Linked from User in the service's OpenAPI document (link 'archive'): "
                        + "take id = User.favouriteId."));
        assertThat(repositories.relations()).isEmpty();
    }

    @Test
    void shouldSurfaceTheOaiExamplesMergeLinkOnItsMutationFieldAndNotAsAFieldOfThePullRequest() {
        OpenApiMapping mapping = OpenApiCatalogReader.read(OpenApiCorpusTest.CORPUS.resolve("link-example.yaml").toString());
        io.tributary.catalog.ServiceCatalog catalog = new io.tributary.catalog.ServiceCatalog("bitbucket", "i-1", "1", java.time.Instant.EPOCH,
                "http://localhost:8080", 30_000, mapping.resources(), mapping.operations());

        var graph = new io.tributary.compose.GraphComposer().compose(List.of(io.tributary.fold.EffectiveCatalog.of(List.of(catalog))));

        assertThat(graph.schema().getObjectType("Pullrequest").getFieldDefinition("pullRequestMerge")).isNull();
        var merge = graph.schema().getMutationType().getFieldDefinitions().stream()
                .filter(f -> f.getDescription() != null && f.getDescription().contains("link 'pullRequestMerge'")).toList();
        assertThat(merge).singleElement().satisfies(f -> {
            assertThat(f.getName()).isEqualTo("pullrequestMerge");
            assertThat(f.getDescription()).isEqualTo("Linked from Pullrequest in the service's OpenAPI document (link 'pullRequestMerge'): "
                    + "take username = Pullrequest.author.username, slug = Pullrequest.repository.slug, pid = Pullrequest.id.");
            assertThat(f.getArguments()).extracting(graphql.schema.GraphQLArgument::getName).contains("username", "slug", "pid");
        });
    }

    @Test
    void shouldReadALinkOnAnArrayAgainstEachElementAndRelateTheElementsType() {
        OpenApiMapping mapping = map30(DOCUMENT.formatted("repositories: {$ref: '#/components/links/UserRepositories'}").replace(
                "items: {$ref: '#/components/schemas/Repository'}}}}\n",
                "items: {$ref: '#/components/schemas/Repository'}}}}\n" + " ".repeat(10) + "links:\n" + " ".repeat(12)
                        + "namesake: {operationId: getUser, parameters: {username: $response.body#/name}}\n"));

        Resource repositories = mapping.resources().stream().filter(r -> r.name().equals("repositories")).findFirst().orElseThrow();
        assertThat(repositories.relations()).containsExactly(new Relation.Forward("namesake", "users.v1", "name",
                "Linked in the service's OpenAPI document."));
        assertThat(mapping.notes()).containsExactly("GET /users/{username}/repositories: link 'namesake' is read against each element "
                + "of the array it answers, a relation of Repository");
    }

    @Test
    void shouldMakeALinkToAGetOperationFieldACallRelationWithTheFieldsParameterNames() {
        OpenApiMapping mapping = map30(DOCUMENT.formatted("""
                namesake: {operationId: getRepositoryByOwnerAndName, parameters: {owner: $response.body#/username, repo-name: $response.body#/team/name}}""")
                .replace("\ncomponents:\n", """

                          /repositories/{owner}/{repo-name}:
                            get:
                              operationId: getRepositoryByOwnerAndName
                              parameters:
                                - {name: owner, in: path, required: true, schema: {type: string}}
                                - {name: repo-name, in: path, required: true, schema: {type: string}}
                              responses:
                                '200':
                                  description: a repository
                                  content: {application/json: {schema: {$ref: '#/components/schemas/Repository'}}}
                        components:
                        """));

        assertThat(mapping.operations()).extracting(o -> o.name()).contains("repositoryByOwnerAndName");
        assertThat(users(mapping).relations()).as("notes %s", mapping.notes()).containsExactly(new Relation.Call("namesake", "repositoryByOwnerAndName",
                Map.of("owner", "$username", "repoName", "$team.name"), "Linked in the service's OpenAPI document."));
    }

    @Test
    void shouldLetXTributaryRelationsOverrideALinkOfTheSameName() {
        OpenApiMapping mapping = map30(DOCUMENT.formatted("repositories: {$ref: '#/components/links/UserRepositories'}")
                .replace("    User:\n      type: object\n", """
                            User:
                              type: object
                              x-tributary-relations: [{field: repositories, target: repositories.v1, forward: favouriteId}]
                        """));

        assertThat(users(mapping).relations()).extracting(Relation::getClass).containsExactly((Class) Relation.Forward.class);
        assertThat(mapping.notes()).containsExactly("users.v1: link 'repositories' left out: User already has a field or relation of that name");
    }

    private static Resource users(OpenApiMapping mapping) {
        return mapping.resources().stream().filter(r -> r.name().equals("users")).findFirst()
                .orElseThrow(() -> new AssertionError("no users: " + mapping.unmapped()));
    }
}
