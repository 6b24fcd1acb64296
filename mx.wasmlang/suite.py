# The mx view of WasmLang, for users who build inside a GraalVM mx workspace.
# It mirrors the Maven modules one to one (see pom.xml); tests/.../MxSuiteTest fails
# when a Maven module is missing here.
suite = {
    "mxversion": "7.33.0",
    "name": "wasmlang",
    "version": "0.1.0",
    "release": False,
    "groupId": "org.wasmlang",
    "url": "https://github.com/wasmlang/wasmlang",

    "imports": {
        "suites": [
            {
                "name": "truffle",
                "subdir": True,
                "version": "vm-25.0.1",
                "urls": [{"url": "https://github.com/oracle/graal", "kind": "git"}],
            },
            {
                # The polyglot tools the launcher offers (--inspect, --cpusampler, ...).
                "name": "tools",
                "subdir": True,
                "version": "vm-25.0.1",
                "urls": [{"url": "https://github.com/oracle/graal", "kind": "git"}],
            },
        ],
    },

    "libraries": {
        "JUNIT_JUPITER": {
            "moduleName": "org.junit.jupiter.api",
            "maven": {"groupId": "org.junit.jupiter", "artifactId": "junit-jupiter-api", "version": "5.11.4"},
            "digest": "sha512:unchecked",
        },
    },

    "projects": {
        # Maven module language/
        "org.wasmlang": {
            "dir": "language",
            "sourceDirs": ["src/main/java", "src/main/resources"],
            "dependencies": [
                "truffle:TRUFFLE_API",
                "sdk:POLYGLOT",
            ],
            "annotationProcessors": ["truffle:TRUFFLE_DSL_PROCESSOR"],
            # runtime/simd/VectorApiOps; used only when the JVM has the module (SimdMode)
            "requires": ["jdk.incubator.vector"],
            "javaCompliance": "25+",
            "license": "UPL",
        },
        # Maven module launcher/
        "org.wasmlang.launcher": {
            "dir": "launcher",
            "sourceDirs": ["src/main/java"],
            "dependencies": ["org.wasmlang", "sdk:POLYGLOT"],
            "javaCompliance": "25+",
            "license": "UPL",
        },
        # Maven module tests/
        "org.wasmlang.tests": {
            "dir": "tests",
            "sourceDirs": ["src/test/java", "src/test/resources"],
            "dependencies": ["org.wasmlang", "org.wasmlang.launcher", "JUNIT_JUPITER"],
            "javaCompliance": "25+",
            "testProject": True,
            "license": "UPL",
        },
        # Maven module benchmarks/
        "org.wasmlang.benchmarks": {
            "dir": "benchmarks",
            "sourceDirs": ["src/main/java"],
            "dependencies": ["org.wasmlang", "sdk:POLYGLOT"],
            "javaCompliance": "25+",
            "license": "UPL",
        },
    },

    "distributions": {
        "WASMLANG": {
            "description": "The WasmLang Truffle language (Maven module language/)",
            "dependencies": ["org.wasmlang"],
            "distDependencies": ["truffle:TRUFFLE_API", "truffle:TRUFFLE_RUNTIME"],
            "maven": {"artifactId": "wasmlang-language"},
        },
        # Maven module embedding/: the one coordinate embedders add
        "WASMLANG_POM": {
            "type": "pom",
            "runtimeDependencies": ["WASMLANG", "sdk:POLYGLOT", "truffle:TRUFFLE_RUNTIME"],
            "description": "WasmLang for embedders: the language, the polyglot API and Truffle's runtime",
            "maven": {"artifactId": "wasmlang"},
        },
        "WASMLANG_LAUNCHER": {
            "description": "The wasmlang command (Maven module launcher/)",
            "dependencies": ["org.wasmlang.launcher"],
            # The tools are the launcher's runtime dependencies (Maven: chromeinspector-tool,
            # profiler-tool), never the language's.
            "distDependencies": ["WASMLANG", "sdk:POLYGLOT", "tools:CHROMEINSPECTOR", "tools:TRUFFLE_PROFILER"],
            "maven": {"artifactId": "wasmlang-launcher"},
        },
        "WASMLANG_TESTS": {
            "description": "WasmLang test suites (Maven module tests/)",
            "dependencies": ["org.wasmlang.tests"],
            "distDependencies": ["WASMLANG", "WASMLANG_LAUNCHER"],
            "testDistribution": True,
            "maven": False,
        },
        "WASMLANG_BENCHMARKS": {
            "description": "WasmLang benchmark harness (Maven module benchmarks/)",
            "dependencies": ["org.wasmlang.benchmarks"],
            "distDependencies": ["WASMLANG"],
            "maven": False,
        },
    },
}
