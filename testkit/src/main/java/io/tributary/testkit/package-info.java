/**
 * A real Apache Kafka broker inside the JVM ({@link io.tributary.testkit.EmbeddedKafka}), so that tests touching
 * Kafka and {@code tributary dev} need neither Docker nor an external Kafka installation.
 */
package io.tributary.testkit;
