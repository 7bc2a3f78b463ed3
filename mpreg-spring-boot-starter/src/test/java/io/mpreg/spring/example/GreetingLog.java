package io.mpreg.spring.example;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.mpreg.spring.MpregSubscriber;
import org.springframework.stereotype.Component;

/** A user's subscriber bean: keeps every greeting published on {@code greetings.*}. */
@Component
class GreetingLog {

    record Greeting(String name, String language) {
    }

    final List<Greeting> greetings = new CopyOnWriteArrayList<>();

    @MpregSubscriber(patterns = "greetings.*")
    void onGreeting(Greeting greeting) {
        greetings.add(greeting);
    }
}
