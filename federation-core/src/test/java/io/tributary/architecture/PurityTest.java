package io.tributary.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core stays plain Java: no Kafka, HTTP, Micronaut or generated Avro classes reach into it. */
@AnalyzeClasses(packages = "io.tributary", importOptions = ImportOption.DoNotIncludeTests.class)
class PurityTest {

    @ArchTest
    static final ArchRule coreIsFreeOfEdges = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "org.apache.kafka..", "io.micronaut..", "java.net.http..", "io.tributary.avro..",
            "org.apache.avro.specific..", "org.apache.avro.generic..");
}
