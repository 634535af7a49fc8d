# One image for every part of Tributary; the command picks the part (aggregator, gateway, example, topics, ...).
# Build the jar first: ./mvnw -B -DskipTests -pl cli -am package
FROM eclipse-temurin:25-jre
WORKDIR /opt/tributary
COPY cli/target/lib/ lib/
COPY cli/target/tributary.jar tributary.jar
COPY bin/jvm-options bin/jvm-options
# Heap and GC per role, as ./tributary sets them (bin/jvm-options); TRIBUTARY_JAVA_OPTS overrides them.
ENTRYPOINT ["sh", "-c", "exec java $(/opt/tributary/bin/jvm-options \"$1\") $TRIBUTARY_JAVA_OPTS -jar /opt/tributary/tributary.jar \"$@\"", "tributary"]
CMD ["--help"]
