package app.cairn.lti;

import static cairn.schema.Tables.PLATFORM;
import static cairn.schema.Tables.PLATFORM_DEPLOYMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import app.cairn.testing.CairnSpringTest;

@CairnSpringTest
class PlatformRegistrationIT {

    @Autowired
    PlatformRegistry platforms;
    @Autowired
    ToolKeys toolKeys;
    @Autowired
    DSLContext db;

    @Test
    void platform_files_in_the_config_directory_are_registered_at_start_up() {
        var platform = db.selectFrom(PLATFORM).where(PLATFORM.ISSUER.eq("https://moodle.district.example")).fetchSingle();
        assertThat(platform.getClientId()).isEqualTo("moodle-client-7");
        assertThat(db.select(PLATFORM_DEPLOYMENT.DEPLOYMENT_ID).from(PLATFORM_DEPLOYMENT)
                .where(PLATFORM_DEPLOYMENT.PLATFORM_ID.eq(platform.getId())).fetch(PLATFORM_DEPLOYMENT.DEPLOYMENT_ID))
                .containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void one_client_id_may_have_several_deployments_and_registering_again_adds_rather_than_duplicates() {
        PlatformRegistration first = new PlatformRegistration("Canvas", "https://canvas.example", "100", "https://canvas.example/auth",
                "https://canvas.example/token", "https://canvas.example/jwks", List.of("d1"));
        long id = platforms.register(first);
        long again = platforms.register(new PlatformRegistration("Canvas (renamed)", "https://canvas.example", "100",
                "https://canvas.example/auth", "https://canvas.example/token", "https://canvas.example/jwks", List.of("d1", "d2")));

        assertThat(again).isEqualTo(id);
        assertThat(platforms.findDeployment(id, "d1")).isPresent();
        assertThat(platforms.findDeployment(id, "d2")).isPresent();
        assertThat(db.fetchCount(PLATFORM, PLATFORM.ISSUER.eq("https://canvas.example"))).isEqualTo(1);
        assertThat(platforms.findById(id).orElseThrow().name()).isEqualTo("Canvas (renamed)");
    }

    @Test
    void a_broken_platform_file_names_the_file_and_the_field(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, """
                name: Broken
                issuer: https://broken.example
                client_id: x
                auth_login_url: not a url
                auth_token_url: https://broken.example/token
                jwks_url: https://broken.example/jwks
                deployment_ids: [1]
                """);

        assertThatThrownBy(() -> PlatformConfigLoader.read(file))
                .hasMessageContaining("broken.yaml").hasMessageContaining("auth_login_url");
    }

    @Test
    void a_file_that_is_not_yaml_is_refused_with_its_name(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("garbage.yaml");
        Files.writeString(file, "name: [unclosed");

        assertThatThrownBy(() -> PlatformConfigLoader.read(file)).hasMessageContaining("garbage.yaml");
    }

    @Test
    void rotated_keys_stay_published_until_retired_and_the_newest_signs() {
        String before = toolKeys.signingKey().getKeyID();
        String rotated = toolKeys.rotate();

        assertThat(toolKeys.signingKey().getKeyID()).isEqualTo(rotated);
        assertThat(toolKeys.publicKeys().getKeyByKeyId(before)).isNotNull();
        assertThat(toolKeys.publicKeys().getKeyByKeyId(rotated)).isNotNull();

        toolKeys.retire(before);
        assertThat(toolKeys.publicKeys().getKeyByKeyId(before)).isNull();
        assertThat(toolKeys.signingKey().getKeyID()).isEqualTo(rotated);
        assertThatThrownBy(() -> toolKeys.retire(rotated)).isInstanceOf(IllegalStateException.class);
    }
}
