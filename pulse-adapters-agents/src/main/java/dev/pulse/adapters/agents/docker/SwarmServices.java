package dev.pulse.adapters.agents.docker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a manager's {@code /services} and {@code /tasks} into the report's services and tasks. Pure. */
final class SwarmServices {

  private SwarmServices() {}

  static void addTo(Map<String, Object> report, JsonNode services, JsonNode tasks) {
    Map<String, String> names = new HashMap<>();
    List<Object> outServices = new ArrayList<>();
    for (JsonNode s : services) {
      String id = s.path("ID").asText();
      String name = s.at("/Spec/Name").asText(id);
      names.put(id, name);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", id);
      out.put("name", name);
      String stack = s.at("/Spec/Labels/com.docker.stack.namespace").asText("");
      if (!stack.isEmpty()) {
        out.put("stack", stack);
      }
      out.put("image", s.at("/Spec/TaskTemplate/ContainerSpec/Image").asText(""));
      out.put("mode", s.at("/Spec/Mode").has("Global") ? "global" : "replicated");
      out.put("desiredTasks", s.at("/ServiceStatus/DesiredTasks").asInt(s.at("/Spec/Mode/Replicated/Replicas").asInt(0)));
      out.put("runningTasks", s.at("/ServiceStatus/RunningTasks").asInt(0));
      outServices.add(out);
    }
    List<Object> outTasks = new ArrayList<>();
    for (JsonNode t : tasks) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", t.path("ID").asText());
      String serviceId = t.path("ServiceID").asText();
      out.put("serviceId", serviceId);
      out.put("serviceName", names.getOrDefault(serviceId, serviceId));
      out.put("slot", t.path("Slot").asInt(0));
      out.put("nodeId", t.path("NodeID").asText(""));
      out.put("desiredState", t.path("DesiredState").asText(""));
      out.put("currentState", t.at("/Status/State").asText(""));
      String err = t.at("/Status/Err").asText("");
      if (!err.isEmpty()) {
        out.put("error", err);
      }
      outTasks.add(out);
    }
    report.put("services", outServices);
    report.put("tasks", outTasks);
  }
}
