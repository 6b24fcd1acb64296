package org.wasmlang.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.wasmlang.testing.TestPaths;

/** Keeps mx.wasmlang/suite.py in step with the Maven modules. */
class MxSuiteTest {

    @SuppressWarnings("unchecked")
    @Test
    void everyMavenModuleHasAnMxProjectAndDistribution() throws IOException {
        Path root = TestPaths.projectRoot();
        List<String> modules = mavenModules(root.resolve("pom.xml"));
        assertFalse(modules.isEmpty(), "no <module> in pom.xml");

        Map<String, Object> suite = (Map<String, Object>) PythonLiteral.parseAssignment(
                        Files.readString(root.resolve("mx.wasmlang/suite.py")), "suite");
        assertEquals("wasmlang", suite.get("name"));
        Map<String, Map<String, Object>> projects = (Map<String, Map<String, Object>>) suite.get("projects");
        Map<String, Map<String, Object>> distributions = (Map<String, Map<String, Object>>) suite.get("distributions");

        int pomModules = 0;
        for (String module : modules) {
            String modulePom = Files.readString(root.resolve(module).resolve("pom.xml"));
            if (modulePom.contains("<packaging>pom</packaging>")) {
                // A dependency-only artifact: mx spells it as a distribution of type pom.
                pomModules++;
                String artifactId = ownArtifactId(modulePom);
                boolean mirrored = distributions.values().stream().anyMatch(d -> "pom".equals(d.get("type"))
                                && d.get("maven") instanceof Map<?, ?> maven && artifactId.equals(maven.get("artifactId")));
                assertTrue(mirrored, "Maven module " + module + " (pom " + artifactId
                                + ") has no mx distribution with \"type\": \"pom\" and that artifactId");
                continue;
            }
            String project = projects.entrySet().stream()
                            .filter(e -> module.equals(e.getValue().get("dir")))
                            .map(Map.Entry::getKey).findFirst().orElse(null);
            assertTrue(project != null, "Maven module " + module + " has no mx project with \"dir\": \"" + module + "\"");
            for (Object sourceDir : (List<Object>) projects.get(project).get("sourceDirs")) {
                assertTrue(Files.isDirectory(root.resolve(module).resolve((String) sourceDir)),
                                "mx project " + project + " names a missing source dir " + sourceDir);
            }
            boolean distributed = distributions.values().stream()
                            .anyMatch(d -> ((List<Object>) d.getOrDefault("dependencies", List.of())).contains(project));
            assertTrue(distributed, "mx project " + project + " (Maven module " + module + ") is in no distribution");
        }
        assertEquals(modules.size() - pomModules, projects.size(), "mx has projects that no Maven module backs: " + projects.keySet());
    }

    @Test
    void parserReadsNestedLiterals() {
        Object value = PythonLiteral.parseAssignment("x = {'a': [1, (2, 3)], \"b\": True, 'c': None,} # end", "x");
        assertEquals(Map.of("a", List.of(1L, List.of(2L, 3L)), "b", true), Map.of("a", ((Map<?, ?>) value).get("a"),
                        "b", ((Map<?, ?>) value).get("b")));
        assertTrue(((Map<?, ?>) value).containsKey("c"));
    }

    /** The module's own artifactId: the first one after its parent element. */
    private static String ownArtifactId(String pom) {
        Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(pom.substring(pom.indexOf("</parent>")));
        assertTrue(m.find(), "no artifactId in a module pom");
        return m.group(1).trim();
    }

    private static List<String> mavenModules(Path pom) throws IOException {
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(pom));
        List<String> modules = new ArrayList<>();
        while (m.find()) {
            modules.add(m.group(1).trim());
        }
        return modules;
    }
}
