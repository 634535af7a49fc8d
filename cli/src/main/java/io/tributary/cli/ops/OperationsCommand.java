package io.tributary.cli.ops;

import io.tributary.avro.TributarySerdes;
import io.tributary.operations.DocumentHash;
import io.tributary.operations.OperationValidator;
import io.tributary.operations.RegisteredOperation;
import io.tributary.view.SchemaView;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tributary operations register}: trusted documents, registered on the operations topic every gateway follows. */
@Command(name = "operations", mixinStandardHelpOptions = true, description = "Manage trusted documents.",
        subcommands = OperationsCommand.Register.class)
public final class OperationsCommand {

    /**
     * Validates each document against the graph's current view and registers those that validate; a document that
     * does not is refused with its reasons and not written. A manifest's id that is Relay's (the document's MD5 or
     * SHA-1) is registered with the document as an alias, so Relay clients sending it run the document; one that is
     * not the document's own is refused. Exit 0 when all were registered, 1 when any was refused.
     */
    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Register trusted documents (.graphql files, or Apollo/Relay persisted query manifests as JSON) that "
                    + "validate against the current view. Exit 0 all registered, 1 some refused (the others are registered).")
    static final class Register implements Callable<Integer> {
        @Mixin
        GraphOptions options;
        @Parameters(arity = "1..*", paramLabel = "FILE", description = ".graphql documents or persisted query manifests (.json).")
        List<Path> files;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<OperationFiles.Source> sources = OperationFiles.read(files);
            SchemaView view;
            try (TopicLog log = new TopicLog(options.kafka().clientProperties())) {
                view = new ClusterState(log, options.kafka().topics()).latestView(options.graph()).orElseThrow(() ->
                        new OperatorException("graph " + options.graph() + " has no view yet: nothing to validate the documents against"));
            }
            OperationValidator validator = new OperationValidator(view.sdl());
            Instant now = Instant.now();
            List<RegisteredOperation> valid = new ArrayList<>();
            List<String> validOrigins = new ArrayList<>();
            int refused = 0;
            for (OperationFiles.Source source : sources) {
                List<String> problems = validator.problems(source.document());
                Optional<String> alias = source.id() == null ? Optional.empty() : DocumentHash.alias(source.document(), source.id());
                boolean ownId = source.id() == null || alias.isPresent()
                        || DocumentHash.parse(source.id()).filter(DocumentHash.of(source.document())::equals).isPresent();
                if (problems.isEmpty() && ownId) {
                    valid.add(new RegisteredOperation(DocumentHash.of(source.document()), source.document(), now, alias.stream().toList()));
                    validOrigins.add(source.origin());
                } else if (!problems.isEmpty()) {
                    refused++;
                    err.println("refused " + source.origin() + ": it does not validate against view " + view.version() + ":");
                    problems.forEach(problem -> err.println("  " + problem));
                } else {
                    refused++;
                    err.println("refused " + source.origin() + ": its id " + source.id() + " is not the document's own SHA-256, MD5"
                            + " or SHA-1 in hex, so clients sending it would not find it");
                }
            }
            write(valid);
            for (int i = 0; i < valid.size(); i++) {
                List<String> aliases = valid.get(i).aliases();
                out.println("registered " + valid.get(i).hash() + (aliases.isEmpty() ? "" : " (also " + String.join(", ", aliases) + ")")
                        + "  " + validOrigins.get(i));
            }
            out.println(valid.size() + " registered, " + refused + " refused, against view " + view.version() + " of graph "
                    + options.graph());
            out.flush();
            err.flush();
            return refused == 0 ? 0 : 1;
        }

        private void write(List<RegisteredOperation> operations) throws InterruptedException {
            if (operations.isEmpty()) {
                return;
            }
            Map<String, Object> config = new HashMap<>(options.kafka().clientProperties());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            String topic = options.kafka().topics().operations();
            try (KafkaProducer<String, RegisteredOperation> producer = new KafkaProducer<>(config, new StringSerializer(),
                    TributarySerdes.registeredOperation().serializer())) {
                for (RegisteredOperation operation : operations) {
                    producer.send(new ProducerRecord<>(topic, operation.hash(), operation)).get();
                }
            } catch (ExecutionException e) {
                throw new OperatorException("cannot write to " + topic + ": " + e.getCause().getMessage());
            } catch (KafkaException e) {
                throw new OperatorException("cannot write to " + topic + ": " + e.getMessage());
            }
        }
    }
}
