package org.osteobiome.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osteobiome.app.engine.PopulationRequest;
import org.osteobiome.core.Progress;
import org.osteobiome.model.ModelCatalog;
import org.osteobiome.model.ParameterSet;
import org.osteobiome.model.SimulationSettings;
import org.osteobiome.model.vpop.Variability;
import org.osteobiome.model.vpop.VirtualPopulation;

/**
 * A real standalone cluster on loopback: a master and two workers, each its own JVM started from the Spark jars on the
 * module's class path, and executors the workers start. A population submitted to it equals the local engine's, also
 * when one worker (with its executor) is killed while the job runs: Spark reruns the lost tasks and recomputes the
 * lost cached blocks, and because every subject depends only on (seed, index) the result does not change.
 */
class StandaloneClusterTest {
    private static final Path WORK = Path.of("target", "standalone-cluster").toAbsolutePath();
    private static final List<Process> PROCESSES = new ArrayList<>();
    private static Process killable;
    private static SparkSession spark;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** This module's classes, its dependencies and Spark's, as the build wrote them. */
    private static String classpath() throws IOException {
        Path target = Path.of("target");
        return target.resolve("classes").toAbsolutePath() + java.io.File.pathSeparator
                + Files.readString(target.resolve("classpath-runtime.txt")).strip() + java.io.File.pathSeparator
                + Files.readString(target.resolve("classpath-spark.txt")).strip();
    }

    private static String jvmOptions() throws IOException {
        return Files.readString(Path.of("target", "classes", "spark-jvm.options")).strip();
    }

    private static Process start(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions().split("\\s+")));
        command.addAll(List.of("-Xmx256m", "-cp", classpath(), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(WORK.resolve(name + ".log").toFile());
        // Executors are started by the workers from their own class path; these say where Spark's pieces are without a
        // Spark installation.
        builder.environment().put("SPARK_HOME", WORK.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_TESTING", "1");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process process = builder.start();
        PROCESSES.add(process);
        return process;
    }

    private static void awaitPort(int port, Process process, String name) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as(name + " exited; see " + WORK.resolve(name + ".log")).isTrue();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError(name + " did not open port " + port);
    }

    @BeforeAll
    static void startCluster() throws Exception {
        Files.createDirectories(WORK);
        int port = freePort();
        Process master = start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--webui-port", Integer.toString(freePort()));
        awaitPort(port, master, "master");
        String url = "spark://127.0.0.1:" + port;
        for (int w = 1; w <= 2; w++) {
            Process worker = start("worker" + w, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
                    "--memory", "1g", "--webui-port", Integer.toString(freePort()), "--work-dir", WORK.resolve("work" + w).toString(), url);
            if (w == 1) {
                killable = worker;
            }
        }
        spark = SparkSession.builder().master(url).appName("osteobiome standalone test")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.executor.extraClassPath", classpath()).config("spark.executor.extraJavaOptions", jvmOptions())
                .config("spark.executor.memory", "512m").config("spark.executor.cores", "1").config("spark.cores.max", "2")
                .config("spark.ui.enabled", "false").getOrCreate();
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (spark.sparkContext().statusTracker().getExecutorInfos().length < 3) { // the driver and two executors
            assertThat(System.nanoTime()).as("two executors within 90 s; logs in " + WORK).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    @AfterAll
    static void stopCluster() {
        if (spark != null) {
            spark.stop();
        }
        for (Process p : PROCESSES) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void aPopulationEqualsTheLocalEnginesEvenWhenAWorkerDiesMidJob() {
        ParameterSet base = ModelCatalog.get("gut-bone-axis").defaults().with("scenario", "ovx");
        SimulationSettings settings = SimulationSettings.DEFAULTS.withGrid(0, 28, 7);
        Variability variability = Variability.resource("mouse-variability.tsv");
        List<String> observables = List.of("bv_tv_pct", "il17_fold");
        int n = 480;
        VirtualPopulation.Result local = VirtualPopulation.run(ModelCatalog.get("gut-bone-axis"), base, settings, variability, observables,
                n, 11, 2, Progress.NONE);

        AtomicInteger removed = new AtomicInteger();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onExecutorRemoved(SparkListenerExecutorRemoved event) {
                removed.incrementAndGet();
            }
        });
        AtomicBoolean killed = new AtomicBoolean();
        Progress killAfterFourTasks = (done, total) -> {
            if (done >= 4 && done < total && killed.compareAndSet(false, true)) {
                killable.descendants().forEach(ProcessHandle::destroyForcibly);
                killable.destroyForcibly();
            }
        };
        VirtualPopulation.Summary cluster = PopulationJob.run(spark,
                new PopulationRequest(base, settings, variability, observables, n, 11, null), 24, killAfterFourTasks);

        assertThat(killed).as("a worker was killed while tasks were left").isTrue();
        assertThat(removed.get()).as("Spark saw its executor go").isPositive();
        assertThat(cluster.quantiles()).isDeepEqualTo(local.quantiles());
        assertThat(cluster.failed()).isEqualTo(local.failures().size());
    }
}
