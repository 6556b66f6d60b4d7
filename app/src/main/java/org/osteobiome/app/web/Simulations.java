package org.osteobiome.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.osteobiome.app.service.SimulationRequest;
import org.osteobiome.app.service.SimulationService;
import org.osteobiome.app.service.TrajectoryJson;
import org.osteobiome.app.web.auth.Principal;
import org.osteobiome.app.web.store.Store;
import org.osteobiome.model.scenario.ScenarioFiles;

/** Simulations for the pages and the API alike: checked, run in a bounded slot, stored with provenance, audited. */
public final class Simulations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Simulations() {
    }

    /** Runs the request for a researcher of the project's team and stores the result; returns its id. */
    public static long runAndStore(Services services, Principal p, Store.Project project, SimulationRequest request) {
        if (!p.may(project.teamId(), Store.Role.RESEARCHER)) {
            throw HttpError.forbidden("running simulations needs the researcher or admin role in " + project.teamName());
        }
        if (request.scenario() != null && !ScenarioFiles.BUILT_IN.contains(request.scenario())) {
            // a scenario may also name a file on the command line; the server offers only its built-in ones
            throw HttpError.badRequest("unknown scenario '" + request.scenario() + "'; built-in scenarios: "
                    + String.join(", ", ScenarioFiles.BUILT_IN));
        }
        if (request.set().keySet().stream().anyMatch(k -> k.strip().equals("scenario"))) {
            throw HttpError.badRequest("choose the scenario with the scenario field, not as a parameter value");
        }
        SimulationService.Run run = services.compute(() -> SimulationService.run(request));
        ObjectNode payload = JSON.createObjectNode();
        payload.set("trajectory", TrajectoryJson.write(run.selected()));
        payload.putPOJO("notes", run.notes());
        ObjectNode req = payload.putObject("request");
        req.put("model", request.modelId());
        req.put("scenario", request.scenario());
        req.putPOJO("set", request.set());
        String provenance;
        try {
            provenance = JSON.writeValueAsString(run.provenance());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String title = run.title();
        return services.with(s -> {
            long id = s.createResult(project.id(), "simulation", title, provenance, payload.toString(), p.user().id());
            s.audit(p.user().id(), project.teamId(), "run simulation", "result " + id, title);
            return id;
        });
    }

    /** The result if it belongs to one of the principal's teams. */
    public static Store.Result result(Services services, Principal p, long id) {
        return services.with(s -> s.result(id, p.teamIds())).orElseThrow(() -> HttpError.notFound("result " + id));
    }

    public static void delete(Services services, Principal p, Store.Result r) {
        services.with(s -> {
            Store.Project project = s.project(r.projectId(), p.teamIds()).orElseThrow(() -> HttpError.notFound("result " + r.id()));
            if (!p.may(project.teamId(), Store.Role.RESEARCHER)) {
                throw HttpError.forbidden("deleting results needs the researcher or admin role in " + project.teamName());
            }
            s.deleteResult(r.id());
            s.audit(p.user().id(), project.teamId(), "delete result", "result " + r.id(), r.title());
            return null;
        });
    }
}
