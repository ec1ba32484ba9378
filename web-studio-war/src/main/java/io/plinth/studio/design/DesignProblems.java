package io.plinth.studio.design;

import io.plinth.web.api.ApiAnswer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * view-service's problems with the model last sent, each at its JSON path
 * ({@code types[1].fields[0].length}). The designers' inputs are named by the same paths, so a
 * problem shows next to the input of its path; the summary names every problem by keys instead
 * of indexes ({@code types[order].fields[total].length}). Once items are added, removed or moved
 * the indexes no longer line up with the page: the problems then stay in the summary only.
 */
public class DesignProblems implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    /** One problem: its path, the same path by keys, and view-service's sentence. */
    public record Problem(String path, String where, String message) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final List<Problem> problems;
    private boolean attached;

    private DesignProblems(List<Problem> problems) {
        this.problems = problems;
        this.attached = !problems.isEmpty();
    }

    public static DesignProblems none() {
        return new DesignProblems(List.of());
    }

    static DesignProblems of(List<ApiAnswer.FieldProblem> errors, JsonObject sent) {
        return new DesignProblems(errors.stream()
                .map(e -> new Problem(e.field(), where(e.field(), sent), e.message()))
                .toList());
    }

    /**
     * The problems for the input at {@code path}: those at the path itself and those at items of
     * it (an enum's {@code values[2]} shows at the values input). Empty when there are none.
     */
    public String at(String path) {
        if (!attached) {
            return "";
        }
        return problems.stream()
                .filter(p -> p.path().equals(path) || p.path().startsWith(path + "["))
                .map(Problem::message)
                .collect(Collectors.joining("; "));
    }

    /** How many problems lie within the part at {@code prefix} ({@code types}, {@code access[0]}): tab badges. */
    public long count(String prefix) {
        return problems.stream().filter(p -> within(p.path(), prefix)).count();
    }

    private static boolean within(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "[") || path.startsWith(prefix + ".");
    }

    /** Items moved: indexes no longer match the page, so the problems are listed in the summary only. */
    public void detach() {
        attached = false;
    }

    public boolean isAttached() {
        return attached;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<Problem> getSummary() {
        return problems;
    }

    /**
     * {@code path} with each array index replaced by the key of the item there (access rules by
     * {@code role/type}, placed fields and conditions by their field), as view-service's diff names
     * them; indexes without a key stay.
     */
    static String where(String path, JsonObject sent) {
        StringBuilder where = new StringBuilder();
        JsonValue at = sent;
        Matcher segment = SEGMENT.matcher(path);
        while (segment.find()) {
            if (segment.group(1) != null) {
                String name = segment.group(1);
                where.append(where.isEmpty() ? "" : ".").append(name);
                at = at instanceof JsonObject object ? object.get(name) : null;
            } else {
                int index = Integer.parseInt(segment.group(2));
                at = at instanceof JsonArray array && index < array.size() ? array.get(index) : null;
                where.append('[').append(label(at, index)).append(']');
            }
        }
        return where.toString();
    }

    private static String label(JsonValue item, int index) {
        if (item instanceof JsonObject object) {
            if (object.get("role") instanceof JsonString role && object.get("type") instanceof JsonString type) {
                return role.getString() + "/" + type.getString();
            }
            for (String name : List.of("key", "field")) {
                if (object.get(name) instanceof JsonString key && !key.getString().isBlank()) {
                    return key.getString();
                }
            }
        }
        return Integer.toString(index);
    }
}
