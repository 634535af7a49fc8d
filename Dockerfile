# One image for every part of Tributary; the command picks the part (aggregator, gateway, example, topics, ...).
# Build the jar first: ./mvnw -B -DskipTests -pl cli -am package
FROM eclipse-temurin:25-jre
WORKDIR /opt/tributary
COPY cli/target/lib/ lib/
COPY cli/target/tributary.jar tributary.jar
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-jar", "/opt/tributary/tributary.jar"]
CMD ["--help"]
