package dev.tern.app.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Reads (with migrations) and writes the profiles document as JSON. */
public final class ProfileJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // hand edits and fields of a later minor change must not make the whole file unreadable
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ProfileJson() {
    }

    /**
     * The document in {@code bytes}.
     *
     * @param notes      things the user should be told (migrated from an old schema, dropped secrets)
     * @param fromNewer  the file was written by a newer Tern: saving over it could lose what this one does not know
     */
    public record Parsed(ProfilesDocument document, List<String> notes, boolean fromNewer, boolean hadSecrets) {
    }

    public static Parsed read(byte[] bytes) throws ProfilesFileException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ProfilesFileException("it is not valid JSON (" + location(e) + ")", e);
        } catch (java.io.IOException e) {
            throw new ProfilesFileException("it could not be parsed: " + e.getMessage(), e);
        }
        if (!(tree instanceof ObjectNode root)) {
            throw new ProfilesFileException("it does not hold a JSON object");
        }
        int version = SchemaMigrations.versionOf(root);
        boolean fromNewer = version > ProfilesDocument.CURRENT_SCHEMA;
        SchemaMigrations.Outcome migration = SchemaMigrations.migrate(root);
        List<String> notes = migration.notes();
        if (version < ProfilesDocument.CURRENT_SCHEMA) {
            notes = new java.util.ArrayList<>(notes);
            notes.addFirst("The profiles file was upgraded from schema " + version + " to "
                    + ProfilesDocument.CURRENT_SCHEMA + ".");
        }
        try {
            ProfilesDocument document = MAPPER.treeToValue(root, ProfilesDocument.class);
            return new Parsed(document, List.copyOf(notes), fromNewer, migration.secretsRemoved() > 0);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ProfilesFileException("its content has the wrong shape (" + location(e) + ")", e);
        }
    }

    public static byte[] write(ProfilesDocument document) {
        try {
            ObjectNode tree = MAPPER.valueToTree(document);
            // belt and braces: the model has no secret fields, and nothing secret-looking may ever reach the disk
            SchemaMigrations.dropSecrets(tree);
            return MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the profiles document always serialises", e);
        }
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    private static String location(Exception e) {
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            return "line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr() + ": "
                    + jpe.getOriginalMessage();
        }
        return String.valueOf(e.getMessage());
    }
}
