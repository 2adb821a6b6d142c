package se.lots;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What modules offer each other names an organisation by its {@code se.lots.organisation.OrganisationId} and a
 * municipality by its {@code se.lots.reference.MunicipalityCode} (issue 21), never by a bare {@code long} or
 * {@code String} that a caller can mix up with any other number or text. This test reads every public constructor
 * and method of the public types in each module's root package (its API); the parameter names come from the class
 * files, which Spring Boot's parent compiles with {@code -parameters}.
 */
class ModuleApiValueTypesTest {

    private static final Path CLASSES = Path.of("target/classes/se/lots");

    // What a user types, as text, so that the service can name a wrong value in Swedish (see PersonInput).
    private static final Set<String> TYPED_TEXT = Set.of("se.lots.registry.PersonInput",
            "se.lots.organisation.NewOrganisation");

    @Test
    void noModuleApiTakesOrGivesARawOrganisationIdOrMunicipalityCode() {
        List<Class<?>> api = moduleApiTypes();
        assertThat(api).as("the public types of the modules' root packages")
                .extracting(Class::getName).contains("se.lots.organisation.OrganisationService",
                        "se.lots.security.Actor", "se.lots.plan.PlanAccess$View");
        Set<String> raw = new TreeSet<>();
        api.stream().filter(type -> !TYPED_TEXT.contains(type.getName())).forEach(type -> raw.addAll(rawUses(type)));
        assertThat(raw).as("use OrganisationId / MunicipalityCode instead").isEmpty();
    }

    @Test
    void theCheckFindsARawOrganisationIdAndMunicipalityCode() {
        assertThat(rawUses(Raw.class)).containsExactlyInAnyOrder(
                "ModuleApiValueTypesTest$Raw(…, long ownerOrganisationId, …)",
                "ModuleApiValueTypesTest$Raw(…, String municipalityCode, …)",
                "ModuleApiValueTypesTest$Raw.ownerOrganisationId() returns long",
                "ModuleApiValueTypesTest$Raw.municipalityCode() returns String",
                "ModuleApiValueTypesTest$Raw.units(…, Long organisationId, …)");
    }

    @Test
    void theParameterNamesAreCompiledIn() throws NoSuchMethodException {
        Parameter parameter = Raw.class.getMethod("units", Long.class).getParameters()[0];
        assertThat(parameter.isNamePresent()).as("compile with -parameters").isTrue();
    }

    static Set<String> rawUses(Class<?> type) {
        Set<String> raw = new TreeSet<>();
        String name = type.getName().substring(type.getPackageName().length() + 1);
        List<Executable> members = new ArrayList<>(List.of(type.getConstructors()));
        members.addAll(List.of(type.getDeclaredMethods()));
        for (Executable member : members) {
            if (!Modifier.isPublic(member.getModifiers()) || member.isSynthetic()) {
                continue;
            }
            String where = member instanceof Method m ? name + "." + m.getName() : name;
            for (Parameter p : member.getParameters()) {
                if (isRaw(p.getName(), p.getType())) {
                    raw.add(where + "(…, " + p.getType().getSimpleName() + " " + p.getName() + ", …)");
                }
            }
            if (member instanceof Method m && m.getParameterCount() == 0 && isRaw(m.getName(), m.getReturnType())) {
                raw.add(where + "() returns " + m.getReturnType().getSimpleName());
            }
        }
        return raw;
    }

    private static boolean isRaw(String name, Class<?> type) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith("organisationid") && (type == long.class || type == Long.class)
                || lower.endsWith("municipalitycode") && type == String.class;
    }

    /** The public top-level and nested types in se.lots.<module>, not in its sub-packages. */
    private static List<Class<?>> moduleApiTypes() {
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> modules = Files.list(CLASSES)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(module)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                        String simple = file.getFileName().toString().replace(".class", "");
                        if (simple.equals("package-info")) {
                            continue;
                        }
                        Class<?> type = Class.forName("se.lots." + module.getFileName() + "." + simple, false,
                                ModuleApiValueTypesTest.class.getClassLoader());
                        if (isPublicApi(type)) {
                            types.add(type);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return types;
    }

    private static boolean isPublicApi(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    public record Raw(long ownerOrganisationId, String municipalityCode, String name) {

        public List<Object> units(Long organisationId) {
            return List.of(organisationId);
        }
    }
}
