package org.osteobiome.app.web.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every query the web application makes, on one connection of a transaction. Team-scoped reads take the team ids the
 * caller may see, so a query cannot return another team's rows by mistake.
 */
public final class Store {
    private final Connection c;

    public Store(Connection c) {
        this.c = c;
    }

    public enum Role {
        ADMIN, RESEARCHER, VIEWER;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Role parse(String id) {
            for (Role r : values()) {
                if (r.id().equals(id)) {
                    return r;
                }
            }
            throw org.osteobiome.core.OsteobiomeException.invalid("unknown role '" + id + "'; roles: admin, researcher, viewer");
        }

        /** Whether this role may do what {@code needed} may. */
        public boolean atLeast(Role needed) {
            return ordinal() <= needed.ordinal();
        }
    }

    public record User(long id, String email, String displayName, String passwordHash, boolean siteAdmin, boolean disabled) {
    }

    public record Team(long id, String name) {
    }

    public record Membership(long teamId, String teamName, Role role) {
    }

    public record Session(String idHash, long userId, String csrfToken, Instant createdAt, Instant lastSeenAt) {
    }

    public record ApiToken(long id, long userId, String name, Instant createdAt, Instant revokedAt) {
    }

    public record Project(long id, long teamId, String teamName, String name, String description, Instant createdAt) {
    }

    public record Result(long id, long projectId, String kind, String title, String provenance, String payload, String createdBy,
                         Instant createdAt) {
    }

    public record ResultSummary(long id, long projectId, String kind, String title, String createdBy, Instant createdAt) {
    }

    public record AuditEntry(long id, Instant at, String user, String team, String action, String target, String detail) {
    }

    // --- users and teams

    public long createUser(String email, String displayName, String passwordHash, boolean siteAdmin) throws SQLException {
        return Sql.insert(c, "INSERT INTO users (email, display_name, password_hash, site_admin, created_at) VALUES (?, ?, ?, ?, ?)",
                email.toLowerCase(java.util.Locale.ROOT).strip(), displayName, passwordHash, siteAdmin, Instant.now());
    }

    public Optional<User> userByEmail(String email) throws SQLException {
        return Sql.one(c, "SELECT * FROM users WHERE email = ?", Store::user, email.toLowerCase(java.util.Locale.ROOT).strip());
    }

    public Optional<User> user(long id) throws SQLException {
        return Sql.one(c, "SELECT * FROM users WHERE id = ?", Store::user, id);
    }

    public List<User> users() throws SQLException {
        return Sql.list(c, "SELECT * FROM users ORDER BY email", Store::user);
    }

    public long createTeam(String name) throws SQLException {
        return Sql.insert(c, "INSERT INTO teams (name, created_at) VALUES (?, ?)", name.strip(), Instant.now());
    }

    public List<Team> teams() throws SQLException {
        return Sql.list(c, "SELECT id, name FROM teams ORDER BY name", rs -> new Team(rs.getLong("id"), rs.getString("name")));
    }

    public Optional<Team> teamByName(String name) throws SQLException {
        return Sql.one(c, "SELECT id, name FROM teams WHERE name = ?", rs -> new Team(rs.getLong("id"), rs.getString("name")), name.strip());
    }

    /** Adds the user to the team with the role, or changes her role there. */
    public void setMembership(long userId, long teamId, Role role) throws SQLException {
        if (Sql.update(c, "UPDATE memberships SET role = ? WHERE user_id = ? AND team_id = ?", role.id(), userId, teamId) == 0) {
            Sql.update(c, "INSERT INTO memberships (user_id, team_id, role) VALUES (?, ?, ?)", userId, teamId, role.id());
        }
    }

    public List<Membership> memberships(long userId) throws SQLException {
        return Sql.list(c, "SELECT m.team_id, t.name, m.role FROM memberships m JOIN teams t ON t.id = m.team_id WHERE m.user_id = ?"
                + " ORDER BY t.name", rs -> new Membership(rs.getLong(1), rs.getString(2), Role.parse(rs.getString(3))), userId);
    }

    // --- sessions

    public void createSession(String idHash, long userId, String csrfToken, Instant now) throws SQLException {
        Sql.update(c, "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
                idHash, userId, csrfToken, now, now);
    }

    public Optional<Session> session(String idHash) throws SQLException {
        return Sql.one(c, "SELECT * FROM sessions WHERE id_hash = ?", rs -> new Session(rs.getString("id_hash"), rs.getLong("user_id"),
                rs.getString("csrf_token"), Sql.instant(rs, "created_at"), Sql.instant(rs, "last_seen_at")), idHash);
    }

    public void touchSession(String idHash, Instant now) throws SQLException {
        Sql.update(c, "UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?", now, idHash);
    }

    public void deleteSession(String idHash) throws SQLException {
        Sql.update(c, "DELETE FROM sessions WHERE id_hash = ?", idHash);
    }

    /** Removes sessions idle since {@code idleBefore} or created before {@code createdBefore}. */
    public int deleteExpiredSessions(Instant idleBefore, Instant createdBefore) throws SQLException {
        return Sql.update(c, "DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?", idleBefore, createdBefore);
    }

    // --- API tokens

    public long createToken(long userId, String name, String tokenHash) throws SQLException {
        return Sql.insert(c, "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)", userId, name,
                tokenHash, Instant.now());
    }

    /** The user of a token that has not been revoked. */
    public Optional<Long> tokenUser(String tokenHash) throws SQLException {
        return Sql.one(c, "SELECT user_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL", rs -> rs.getLong(1), tokenHash);
    }

    public List<ApiToken> tokens(long userId) throws SQLException {
        return Sql.list(c, "SELECT * FROM api_tokens WHERE user_id = ? ORDER BY created_at DESC", rs -> new ApiToken(rs.getLong("id"),
                rs.getLong("user_id"), rs.getString("name"), Sql.instant(rs, "created_at"), Sql.instant(rs, "revoked_at")), userId);
    }

    /** Revokes one of the user's own tokens; false when she has no such token. */
    public boolean revokeToken(long userId, long tokenId) throws SQLException {
        return Sql.update(c, "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL", Instant.now(),
                tokenId, userId) == 1;
    }

    // --- projects and results (team-scoped)

    public long createProject(long teamId, String name, String description, long userId) throws SQLException {
        return Sql.insert(c, "INSERT INTO projects (team_id, name, description, created_by, created_at) VALUES (?, ?, ?, ?, ?)", teamId,
                name.strip(), description, userId, Instant.now());
    }

    public List<Project> projects(List<Long> teamIds) throws SQLException {
        if (teamIds.isEmpty()) {
            return List.of();
        }
        return Sql.list(c, "SELECT p.*, t.name AS team_name FROM projects p JOIN teams t ON t.id = p.team_id WHERE p.team_id IN ("
                + placeholders(teamIds.size()) + ") ORDER BY t.name, p.name", Store::project, teamIds.toArray());
    }

    /** The project when it belongs to one of these teams. */
    public Optional<Project> project(long id, List<Long> teamIds) throws SQLException {
        return projects(teamIds).stream().filter(p -> p.id() == id).findFirst();
    }

    public long createResult(long projectId, String kind, String title, String provenance, String payload, long userId)
            throws SQLException {
        return Sql.insert(c, "INSERT INTO results (project_id, kind, title, provenance, payload, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", projectId, kind, title, provenance, payload, userId, Instant.now());
    }

    public List<ResultSummary> results(long projectId) throws SQLException {
        return Sql.list(c, "SELECT r.id, r.project_id, r.kind, r.title, u.display_name, r.created_at FROM results r JOIN users u"
                + " ON u.id = r.created_by WHERE r.project_id = ? ORDER BY r.created_at DESC, r.id DESC", rs -> new ResultSummary(
                rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), Sql.instant(rs, "created_at")), projectId);
    }

    /** The result when its project belongs to one of these teams. */
    public Optional<Result> result(long id, List<Long> teamIds) throws SQLException {
        if (teamIds.isEmpty()) {
            return Optional.empty();
        }
        List<Object> args = new java.util.ArrayList<>(List.of(id));
        args.addAll(teamIds);
        return Sql.one(c, "SELECT r.*, u.display_name FROM results r JOIN projects p ON p.id = r.project_id JOIN users u"
                + " ON u.id = r.created_by WHERE r.id = ? AND p.team_id IN (" + placeholders(teamIds.size()) + ")", rs -> new Result(
                rs.getLong("id"), rs.getLong("project_id"), rs.getString("kind"), rs.getString("title"), rs.getString("provenance"),
                rs.getString("payload"), rs.getString("display_name"), Sql.instant(rs, "created_at")), args.toArray());
    }

    /**
     * Deletes a result with what it describes: the cohort whose overview it is, the map it describes. Maps built from that
     * cohort and jobs that made the result are kept, without the link.
     */
    public void deleteResult(long id) throws SQLException {
        Sql.update(c, "UPDATE maps SET cohort_id = NULL WHERE cohort_id IN (SELECT id FROM cohorts WHERE result_id = ?)", id);
        Sql.update(c, "DELETE FROM cohorts WHERE result_id = ?", id);
        Sql.update(c, "DELETE FROM maps WHERE result_id = ?", id);
        Sql.update(c, "UPDATE jobs SET result_id = NULL WHERE result_id = ?", id);
        Sql.update(c, "DELETE FROM results WHERE id = ?", id);
    }

    /** An uploaded cohort as parsed: the table as canonical TSV, the metadata as uploaded, both files' SHA-256. */
    public record CohortUpload(String name, String tableFile, String tableFormat, String tableSha256, String tableTsv, String metadataFile,
                               String metadataSha256, String metadataText, String groupColumn, int samples, int taxa, String rank) {
    }

    public long createCohort(long projectId, CohortUpload u, long resultId, long userId) throws SQLException {
        return Sql.insert(c, "INSERT INTO cohorts (project_id, name, table_file, table_format, table_sha256, table_tsv, metadata_file,"
                + " metadata_sha256, metadata_text, group_column, samples, taxa, result_id, created_by, created_at, taxon_rank)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", projectId, u.name(), u.tableFile(), u.tableFormat(),
                u.tableSha256(), u.tableTsv(), u.metadataFile(), u.metadataSha256(), u.metadataText(), u.groupColumn(), u.samples(),
                u.taxa(), resultId, userId, Instant.now(), u.rank());
    }

    /** A stored cohort: the table as canonical TSV and the metadata as uploaded. */
    public record Cohort(long id, long projectId, String name, String tableTsv, String metadataFile, String metadataText, String groupColumn,
                         int samples, int taxa, long resultId, String tableSha256, String metadataSha256, String rank) {
    }

    /** The cohort when its project belongs to one of these teams. */
    public Optional<Cohort> cohort(long id, List<Long> teamIds) throws SQLException {
        return Sql.one(c, "SELECT k.* FROM cohorts k JOIN projects p ON p.id = k.project_id WHERE k.id = ? AND p.team_id IN ("
                + placeholders(teamIds) + ")", Store::cohort, args(id, teamIds));
    }

    /** The cohort whose overview is this result. */
    public Optional<Cohort> cohortOfResult(long resultId) throws SQLException {
        return Sql.one(c, "SELECT * FROM cohorts WHERE result_id = ?", Store::cohort, resultId);
    }

    public List<Cohort> cohorts(long projectId) throws SQLException {
        return Sql.list(c, "SELECT * FROM cohorts WHERE project_id = ? ORDER BY created_at DESC, id DESC", Store::cohort, projectId);
    }

    // --- jobs

    public enum JobState {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED, INTERRUPTED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public boolean finished() {
            return this != QUEUED && this != RUNNING;
        }

        static JobState parse(String id) {
            return valueOf(id.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public record Job(long id, long projectId, long teamId, String kind, String title, String request, JobState state, String message,
                      Long resultId, long createdById, String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt) {
    }

    private static final String JOB_SELECT = "SELECT j.*, p.team_id, u.display_name FROM jobs j JOIN projects p ON p.id = j.project_id"
            + " JOIN users u ON u.id = j.created_by";

    public long createJob(long projectId, String kind, String title, String request, long userId) throws SQLException {
        return Sql.insert(c, "INSERT INTO jobs (project_id, kind, title, request, state, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                projectId, kind, title, request, JobState.QUEUED.id(), userId, Instant.now());
    }

    /** The job when its project belongs to one of these teams. */
    public Optional<Job> job(long id, List<Long> teamIds) throws SQLException {
        return Sql.one(c, JOB_SELECT + " WHERE j.id = ? AND p.team_id IN (" + placeholders(teamIds) + ")", Store::job, args(id, teamIds));
    }

    public Optional<Job> job(long id) throws SQLException {
        return Sql.one(c, JOB_SELECT + " WHERE j.id = ?", Store::job, id);
    }

    public List<Job> jobs(long projectId) throws SQLException {
        return Sql.list(c, JOB_SELECT + " WHERE j.project_id = ? ORDER BY j.id DESC", Store::job, projectId);
    }

    public List<Job> jobsIn(JobState state) throws SQLException {
        return Sql.list(c, JOB_SELECT + " WHERE j.state = ? ORDER BY j.id", Store::job, state.id());
    }

    /** Jobs of the team still queued or running. */
    public long activeJobs(long teamId) throws SQLException {
        return Sql.one(c, "SELECT COUNT(*) FROM jobs j JOIN projects p ON p.id = j.project_id WHERE p.team_id = ? AND j.state IN (?, ?)",
                rs -> rs.getLong(1), teamId, JobState.QUEUED.id(), JobState.RUNNING.id()).orElse(0L);
    }

    /** Moves a queued job to running; false when it is no longer queued (cancelled meanwhile). */
    public boolean startJob(long id) throws SQLException {
        return Sql.update(c, "UPDATE jobs SET state = ?, started_at = ? WHERE id = ? AND state = ?", JobState.RUNNING.id(), Instant.now(), id,
                JobState.QUEUED.id()) == 1;
    }

    /** Ends a job that is queued or running; false when it had already ended. */
    public boolean finishJob(long id, JobState state, String message, Long resultId) throws SQLException {
        return Sql.update(c, "UPDATE jobs SET state = ?, message = ?, result_id = ?, finished_at = ? WHERE id = ? AND state IN (?, ?)",
                state.id(), message.length() > 2000 ? message.substring(0, 2000) : message, resultId, Instant.now(), id,
                JobState.QUEUED.id(), JobState.RUNNING.id()) == 1;
    }

    /** Cancels a job that has not started; false when it has started (or ended) meanwhile. */
    public boolean cancelQueuedJob(long id, String message) throws SQLException {
        return Sql.update(c, "UPDATE jobs SET state = ?, message = ?, finished_at = ? WHERE id = ? AND state = ?", JobState.CANCELLED.id(),
                message, Instant.now(), id, JobState.QUEUED.id()) == 1;
    }

    /** Marks every running job interrupted (at start-up: nothing can be running yet); returns how many. */
    public int interruptRunningJobs() throws SQLException {
        return Sql.update(c, "UPDATE jobs SET state = ?, message = ?, finished_at = ? WHERE state = ?", JobState.INTERRUPTED.id(),
                "the server stopped while this job ran; nothing of it was stored. Run it again.", Instant.now(), JobState.RUNNING.id());
    }

    // --- reference maps

    public record StoredMap(long id, long projectId, String name, Long cohortId, long resultId, String sha256, String osmapBase64,
                            Instant createdAt) {
    }

    public long createMap(long projectId, String name, Long cohortId, long resultId, String sha256, String osmapBase64, long userId)
            throws SQLException {
        return Sql.insert(c, "INSERT INTO maps (project_id, name, cohort_id, result_id, sha256, osmap, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", projectId, name, cohortId, resultId, sha256, osmapBase64, userId, Instant.now());
    }

    /** The map when its project belongs to one of these teams. */
    public Optional<StoredMap> map(long id, List<Long> teamIds) throws SQLException {
        return Sql.one(c, "SELECT m.* FROM maps m JOIN projects p ON p.id = m.project_id WHERE m.id = ? AND p.team_id IN ("
                + placeholders(teamIds) + ")", Store::storedMap, args(id, teamIds));
    }

    public Optional<StoredMap> mapOfResult(long resultId) throws SQLException {
        return Sql.one(c, "SELECT * FROM maps WHERE result_id = ?", Store::storedMap, resultId);
    }

    public List<StoredMap> maps(long projectId) throws SQLException {
        return Sql.list(c, "SELECT * FROM maps WHERE project_id = ? ORDER BY id DESC", Store::storedMap, projectId);
    }

    // --- audit log (append-only)

    public void audit(Long userId, Long teamId, String action, String target, String detail) throws SQLException {
        Sql.update(c, "INSERT INTO audit_log (at, user_id, team_id, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)", Instant.now(),
                userId, teamId, action, target, detail.length() > 2000 ? detail.substring(0, 2000) : detail);
    }

    /** The newest entries of these teams (all teams and entries without one when {@code teamIds} is null). */
    public List<AuditEntry> auditLog(List<Long> teamIds, int limit) throws SQLException {
        String where = teamIds == null ? "" : teamIds.isEmpty() ? " WHERE 1 = 0" : " WHERE a.team_id IN (" + placeholders(teamIds.size()) + ")";
        Object[] args = teamIds == null ? new Object[0] : teamIds.toArray();
        return Sql.list(c, "SELECT a.id, a.at, u.email, t.name, a.action, a.target, a.detail FROM audit_log a LEFT JOIN users u"
                + " ON u.id = a.user_id LEFT JOIN teams t ON t.id = a.team_id" + where + " ORDER BY a.id DESC FETCH FIRST " + limit
                + " ROWS ONLY", rs -> new AuditEntry(rs.getLong(1), Sql.instant(rs, "at"), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7)), args);
    }

    /** Rows in each table, for tests that an operation left the database as it was. */
    public long rows(String table) throws SQLException {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException(table);
        }
        return Sql.count(c, table);
    }

    private static User user(java.sql.ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"), rs.getString("password_hash"),
                rs.getBoolean("site_admin"), rs.getBoolean("disabled"));
    }

    private static Project project(java.sql.ResultSet rs) throws SQLException {
        return new Project(rs.getLong("id"), rs.getLong("team_id"), rs.getString("team_name"), rs.getString("name"),
                rs.getString("description"), Sql.instant(rs, "created_at"));
    }

    private static Cohort cohort(java.sql.ResultSet rs) throws SQLException {
        return new Cohort(rs.getLong("id"), rs.getLong("project_id"), rs.getString("name"), rs.getString("table_tsv"),
                rs.getString("metadata_file"), rs.getString("metadata_text"), rs.getString("group_column"), rs.getInt("samples"),
                rs.getInt("taxa"), rs.getLong("result_id"), rs.getString("table_sha256"), rs.getString("metadata_sha256"),
                rs.getString("taxon_rank"));
    }

    private static Job job(java.sql.ResultSet rs) throws SQLException {
        long result = rs.getLong("result_id");
        Long resultId = rs.wasNull() ? null : result;
        return new Job(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("team_id"), rs.getString("kind"), rs.getString("title"),
                rs.getString("request"), JobState.parse(rs.getString("state")), rs.getString("message"), resultId, rs.getLong("created_by"),
                rs.getString("display_name"), Sql.instant(rs, "created_at"), Sql.instant(rs, "started_at"), Sql.instant(rs, "finished_at"));
    }

    private static StoredMap storedMap(java.sql.ResultSet rs) throws SQLException {
        long cohort = rs.getLong("cohort_id");
        Long cohortId = rs.wasNull() ? null : cohort;
        return new StoredMap(rs.getLong("id"), rs.getLong("project_id"), rs.getString("name"), cohortId, rs.getLong("result_id"),
                rs.getString("sha256"), rs.getString("osmap"), Sql.instant(rs, "created_at"));
    }

    /** "?, ?, …" for the team ids; a team list that is empty matches nothing ("NULL"). */
    private static String placeholders(List<Long> teamIds) {
        return teamIds.isEmpty() ? "NULL" : placeholders(teamIds.size());
    }

    private static Object[] args(long id, List<Long> teamIds) {
        List<Object> args = new java.util.ArrayList<>(List.of(id));
        args.addAll(teamIds);
        return args.toArray();
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
