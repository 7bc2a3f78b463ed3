package io.mpreg.admin.web;

import java.util.List;
import java.util.Objects;

import io.mpreg.admin.alert.AlertEngine;
import io.mpreg.admin.alert.AlertRule;
import io.mpreg.admin.alert.AlertRules;
import io.mpreg.admin.alert.AlertsView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Alerts and their rules; rules are created, replaced and deleted here (kept until restart). */
@RestController
@RequestMapping("/api/alerts")
class AlertController {

    private final AlertEngine engine;
    private final AlertRules rules;
    private final JsonMapper mapper;

    AlertController(AlertEngine engine, AlertRules rules, JsonMapper mapper) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** Rules, active alerts and history. */
    @GetMapping
    AlertsView alerts() {
        return engine.view();
    }

    /** Every rule. */
    @GetMapping("/rules")
    List<AlertRule> rules() {
        return rules.all();
    }

    /** One rule. */
    @GetMapping("/rules/{name}")
    AlertRule rule(@PathVariable String name) {
        return rules.find(name).orElseThrow(() -> noRule(name));
    }

    /** Adds a rule: 201, or 409 when one of that name exists, or 400 when it is not valid. */
    @PostMapping("/rules")
    ResponseEntity<AlertRule> create(@RequestBody JsonNode body) {
        AlertRule rule = toRule(body);
        if (!rules.create(rule)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "a rule named '" + rule.name() + "' exists");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(rule);
    }

    /** Replaces a rule: 200, 404 when there is none, 400 when the body names another rule or is not valid. */
    @PutMapping("/rules/{name}")
    AlertRule replace(@PathVariable String name, @RequestBody JsonNode body) {
        AlertRule rule = toRule(body);
        if (!rule.name().equals(name)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "the body names rule '" + rule.name() + "' but the path names '" + name + "'");
        }
        if (!rules.replace(rule)) {
            throw noRule(name);
        }
        return rule;
    }

    /** Deletes a rule (its firing alerts resolve): 204, or 404 when there is none. */
    @DeleteMapping("/rules/{name}")
    ResponseEntity<Void> delete(@PathVariable String name) {
        if (!rules.delete(name)) {
            throw noRule(name);
        }
        return ResponseEntity.noContent().build();
    }

    private AlertRule toRule(JsonNode body) {
        try {
            return mapper.treeToValue(body, AlertRule.class);
        } catch (JacksonException invalid) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, rootMessage(invalid), invalid);
        } catch (IllegalArgumentException invalid) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, invalid.getMessage(), invalid);
        }
    }

    private static String rootMessage(JacksonException failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause instanceof IllegalArgumentException ? String.valueOf(cause.getMessage())
                : "not a valid rule: " + failure.getOriginalMessage();
    }

    private static ResponseStatusException noRule(String name) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no rule named '" + name + "'");
    }
}
