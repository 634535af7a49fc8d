package io.tributary.publisher.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which prefixes of a path name no resource, and which segments are finders and verbs. */
class PathShapeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /2.0/users/{username}                  | ''          | users/{username}        | 2
            /v3/pets                               | ''          | pets                    | 3
            /tasks/v1/lists/{tasklist}             | ''          | lists/{tasklist}        | 1
            /api/v1beta2/things                    | ''          | things                  | 1
            /api/pets                              | ''          | pets                    | 1
            /api/v3/pet/{petId}                    | /api/v3     | pet/{petId}             | 1
            /pets/{id}                             | ''          | pets/{id}               | 1
            /user/2fa/{id}                         | ''          | user/2fa/{id}           | 1
            /admin/backups.json                    | ''          | admin/backups           | 1
            /a/b/c/v2/things                       | ''          | a/b/c/v2/things         | 1
            """)
    void shouldDropPrefixesThatNameNoResource(String path, String basePath, String segments, int version) {
        PathShape shape = PathShape.of(path, basePath);

        assertThat(String.join("/", shape.segments())).isEqualTo(segments);
        assertThat(shape.version()).isEqualTo(version);
    }

    @ParameterizedTest
    @CsvSource({"findByStatus,byStatus", "byOwnerId,byOwnerId", "search,search", "byTrackingNumber,byTrackingNumber"})
    void shouldNameFinderSegments(String segment, String finder) {
        assertThat(PathShape.finderName(segment)).contains(finder);
    }

    @ParameterizedTest
    @CsvSource({"createWithArray,true", "uploadImage,true", "order,false", "Validate,false", "pull-requests,false"})
    void shouldTellVerbsFromCollections(String segment, boolean verb) {
        assertThat(PathShape.isVerb(segment)).isEqualTo(verb);
    }

    @ParameterizedTest
    @CsvSource({"/repos/{owner}/{repo}/issues,0,owner;repo", "/lists/{list}/tasks/{task},1,list"})
    void shouldListTheParentsKeys(String path, int back, String keys) {
        assertThat(PathShape.of(path, "").variablesBefore(back)).isEqualTo(List.of(keys.split(";")));
    }
}
