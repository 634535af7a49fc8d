package io.tributary.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.catalog.Parameter.Location;
import io.tributary.catalog.Parameter.Style;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class ParameterTest {

    @Test
    void shouldTakeOpenApisDefaultStyleForItsLocationAndKeepListsCommaSeparated() {
        assertThat(Parameter.of("ids", Schema.Type.STRING, Location.QUERY, true, "")).satisfies(p -> {
            assertThat(p.style()).isEqualTo(Style.FORM);
            assertThat(p.explode()).isFalse();
            assertThat(p.wireName()).isEqualTo("ids");
            assertThat(p.isConstant()).isFalse();
        });
        assertThat(Parameter.of("id", Schema.Type.STRING, Location.PATH, true, "").style()).isEqualTo(Style.SIMPLE);
        assertThat(Parameter.of("tenant", Schema.Type.STRING, Location.HEADER, true, "").style()).isEqualTo(Style.SIMPLE);
        assertThat(Parameter.of("session", Schema.Type.STRING, Location.COOKIE, true, "").style()).isEqualTo(Style.FORM);
        assertThat(Style.FORM.explodesByDefault()).isTrue();
        assertThat(Style.DEEP_OBJECT.explodesByDefault()).isFalse();
    }

    @Test
    void shouldRefuseAStyleItsLocationDoesNotAllow() {
        Parameter id = Parameter.of("id", Schema.Type.STRING, Location.PATH, true, "");

        assertThatThrownBy(() -> id.withStyle(Style.FORM, true)).isInstanceOf(InvalidCatalogException.class)
                .hasMessage("PATH parameter id cannot have the style FORM");
        assertThatThrownBy(() -> Parameter.of("tags", Schema.Type.STRING, Location.HEADER, false, "").withStyle(Style.PIPE_DELIMITED, false))
                .isInstanceOf(InvalidCatalogException.class);
    }

    @Test
    void shouldRefuseAHeaderThatFramesTheRequestOrCarriesCredentials() {
        for (String header : new String[] {"Host", "content-length", "Transfer-Encoding", "Connection", "Authorization", "Cookie"}) {
            assertThatThrownBy(() -> Parameter.of("h", Schema.Type.STRING, Location.HEADER, false, "").withWireName(header))
                    .isInstanceOf(InvalidCatalogException.class).hasMessageContaining("no argument may set it");
        }
        assertThatThrownBy(() -> Parameter.of("h", Schema.Type.STRING, Location.HEADER, false, "").withWireName("X-A\r\nHost: evil"))
                .isInstanceOf(InvalidCatalogException.class).hasMessageContaining("control character");
        assertThat(Parameter.of("apiVersion", Schema.Type.STRING, Location.HEADER, false, "").withWireName("api-version").wireName())
                .isEqualTo("api-version");
    }

    @Test
    void shouldKeepAPathVariableUnderItsOwnNameAndConstantsInTheQuery() {
        assertThatThrownBy(() -> Parameter.of("petId", Schema.Type.STRING, Location.PATH, true, "").withWireName("pet-id"))
                .isInstanceOf(InvalidCatalogException.class).hasMessageContaining("named by its path variable");
        assertThatThrownBy(() -> new Parameter("q", Schema.create(Schema.Type.STRING), Location.HEADER, true, "", null, false, null, "x"))
                .isInstanceOf(InvalidCatalogException.class).hasMessageContaining("only query parameters can");
        assertThat(Parameter.constant("q", "byInstructorId")).satisfies(p -> {
            assertThat(p.isConstant()).isTrue();
            assertThat(p.location()).isEqualTo(Location.QUERY);
        });
    }
}
