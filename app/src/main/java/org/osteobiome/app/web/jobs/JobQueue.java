package org.osteobiome.app.web.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.osteobiome.app.web.HttpError;
import org.osteobiome.app.web.Services;
import org.osteobiome.app.web.auth.Principal;
import org.osteobiome.app.web.store.Store;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.core.Progress;

/**
 * Background jobs kept in the database: submitted jobs are rows before they run, at most {@code threads} run at once
 * (so a burst of jobs cannot starve the pages), a job's result and its final state are written in one transaction, and
 * at start-up a job the server was running when it stopped is marked interrupted (to be run again) while queued ones
 * are queued again.
 */
public final class JobQueue implements AutoCloseable {
    /** Jobs a team may have queued or running at once. */
    public static final int MAX_ACTIVE_PER_TEAM = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A running job's live state. */
    public static final class Live {
        private final AtomicLong done = new AtomicLong();
        private final AtomicLong total = new AtomicLong();
        private volatile String phase = "starting";
        private volatile boolean cancelled;

        public long done() {
            return done.get();
        }

        public long total() {
            return total.get();
        }

        public String phase() {
            return phase;
        }

        public boolean cancelRequested() {
            return cancelled;
        }
    }

    private final Services services;
    private final Map<String, JobKind> kinds = new LinkedHashMap<>();
    private final ExecutorService workers;
    private final int threads;
    private final Map<Long, Live> live = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public JobQueue(Services services, int threads, List<JobKind> kinds) {
        this.services = services;
        this.threads = Math.max(1, threads);
        kinds.forEach(k -> this.kinds.put(k.id(), k));
        this.workers = new ThreadPoolExecutor(this.threads, this.threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "osteobiome-job");
            t.setDaemon(true);
            return t;
        });
    }

    /** Marks jobs left running by a stopped server interrupted and queues the queued ones again; returns how many were interrupted. */
    public int recover() {
        int interrupted = services.with(Store::interruptRunningJobs);
        for (Store.Job j : services.with(s -> s.jobsIn(Store.JobState.QUEUED))) {
            workers.execute(() -> run(j.id()));
        }
        return interrupted;
    }

    public List<JobKind> kinds() {
        return List.copyOf(kinds.values());
    }

    public JobKind kind(String id) {
        JobKind k = kinds.get(id);
        if (k == null) {
            throw HttpError.notFound("job kind '" + id + "'; kinds: " + String.join(", ", kinds.keySet()));
        }
        return k;
    }

    /** Checks the request, stores the job and queues it; returns its id. */
    public long submit(Principal p, Store.Project project, String kindId, JobRequest request) {
        if (!kinds.containsKey(kindId)) {
            throw HttpError.badRequest("unknown job kind '" + kindId + "'; kinds: " + String.join(", ", kinds.keySet()));
        }
        JobKind kind = kind(kindId);
        if (!p.may(project.teamId(), Store.Role.RESEARCHER)) {
            throw HttpError.forbidden("running analyses needs the researcher or admin role in " + project.teamName());
        }
        long id = services.with(s -> {
            if (s.activeJobs(project.teamId()) >= MAX_ACTIVE_PER_TEAM) {
                throw new HttpError(429, project.teamName() + " has " + MAX_ACTIVE_PER_TEAM + " jobs queued or running; wait for some to"
                        + " finish or cancel one");
            }
            String title;
            try {
                title = kind.check(request, project, s);
            } catch (OsteobiomeException e) {
                throw HttpError.badRequest(e.getMessage());
            }
            long job = s.createJob(project.id(), kind.id(), title, request.json(), p.user().id());
            s.audit(p.user().id(), project.teamId(), "submit job", "job " + job, title);
            return job;
        });
        workers.execute(() -> run(id));
        return id;
    }

    /** Cancels a queued job at once, a running one at its next progress report. */
    public void cancel(Principal p, Store.Job job) {
        if (!p.may(job.teamId(), Store.Role.RESEARCHER)) {
            throw HttpError.forbidden("cancelling jobs needs the researcher or admin role");
        }
        if (job.state().finished()) {
            throw HttpError.badRequest("job " + job.id() + " has already ended (" + job.state().id() + ")");
        }
        services.with(s -> {
            if (!s.cancelQueuedJob(job.id(), "cancelled by " + p.user().displayName() + " before it started")) {
                Live l = live.get(job.id()); // running: it stops at its next progress report
                if (l != null) {
                    l.cancelled = true;
                }
            }
            s.audit(p.user().id(), job.teamId(), "cancel job", "job " + job.id(), job.title());
            return null;
        });
    }

    /** Submits the same request again as a new job. */
    public long rerun(Principal p, Store.Job job, Store.Project project) {
        if (!job.state().finished()) {
            throw HttpError.badRequest("job " + job.id() + " is still " + job.state().id());
        }
        return submit(p, project, job.kind(), JobRequest.parse(job.request()));
    }

    /** The live progress of a running job, or null. */
    public Live live(long jobId) {
        return live.get(jobId);
    }

    private void run(long id) {
        Live l = new Live();
        live.put(id, l); // before the job is marked running, so that a cancel that finds it running finds this too
        if (!services.with(s -> s.startJob(id))) {
            live.remove(id);
            return; // cancelled while queued
        }
        Store.Job job = services.with(s -> s.job(id)).orElseThrow();
        try {
            JobKind kind = kind(job.kind());
            JobOutput out = kind.run(JobRequest.parse(job.request()), context(job, l));
            if (l.cancelled) {
                throw new Cancelled();
            }
            String provenance = JSON.writeValueAsString(out.provenance());
            String payload = JSON.writeValueAsString(out.payload());
            services.with(s -> {
                long result = s.createResult(job.projectId(), out.kind(), out.title(), provenance, payload, job.createdById());
                if (out.extra() != null) {
                    out.extra().store(s, result);
                }
                if (!s.finishJob(id, Store.JobState.DONE, "", result)) {
                    throw new Cancelled(); // ended meanwhile: the result is rolled back with this transaction
                }
                s.audit(job.createdById(), job.teamId(), "store result", "result " + result, out.title() + " (job " + id + ")");
                return null;
            });
        } catch (Throwable e) {
            String message;
            Store.JobState state = Store.JobState.FAILED;
            if (stopping) {
                state = Store.JobState.INTERRUPTED;
                message = "the server was stopped while this job ran; nothing of it was stored. Run it again.";
            } else if (l.cancelled || causedBy(e, Cancelled.class)) {
                state = Store.JobState.CANCELLED;
                message = "cancelled while running; nothing was stored";
            } else if (causedBy(e, OsteobiomeException.class)) {
                message = cause(e, OsteobiomeException.class).getMessage();
            } else if (e instanceof OutOfMemoryError) {
                message = "the job needed more memory than the server has; make it smaller (fewer subjects, samples or taxa)";
            } else {
                System.err.println("osteobiome serve: job " + id + " (" + job.kind() + ") failed: " + e);
                message = "the job failed inside the server (" + e.getClass().getSimpleName() + "); the server log has the details";
            }
            Store.JobState ended = state;
            services.with(s -> s.finishJob(id, ended, message, null));
        } finally {
            live.remove(id);
        }
    }

    private JobContext context(Store.Job job, Live l) {
        Progress progress = (done, total) -> {
            if (l.cancelled) {
                throw new Cancelled();
            }
            l.total.set(total);
            l.done.accumulateAndGet(done, Math::max);
        };
        return new JobContext() {
            @Override
            public Progress progress() {
                return progress;
            }

            @Override
            public void phase(String text) {
                l.phase = text;
                l.done.set(0);
                l.total.set(0);
            }

            @Override
            public void checkCancelled() {
                if (l.cancelled) {
                    throw new Cancelled();
                }
            }

            @Override
            public int threads() {
                return services.settings().jobThreads();
            }

            @Override
            public Store.Job job() {
                return job;
            }

            @Override
            public <T> T read(Services.StoreWork<T> work) {
                return services.with(work);
            }
        };
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    @Override
    public void close() {
        stopping = true;
        live.values().forEach(l -> l.cancelled = true);
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
