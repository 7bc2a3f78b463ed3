package io.mpreg.spring.example;

import java.util.List;

import io.mpreg.spring.MpregFunction;
import org.springframework.stereotype.Component;

/** A plain bean offering functions, as a user of the starter would write it. */
@Component
class Greeter {

    @MpregFunction(resources = "greeting", description = "Greets someone by name")
    public String greet(String name) {
        return "Hello, " + name;
    }

    @MpregFunction(name = "greet-all", version = "2.0.0", idempotent = true)
    public List<String> greetAll(List<String> names) {
        return names.stream().map(this::greet).toList();
    }
}
