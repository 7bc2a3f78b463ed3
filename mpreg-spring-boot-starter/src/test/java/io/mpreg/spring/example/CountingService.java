package io.mpreg.spring.example;

import java.util.concurrent.atomic.AtomicInteger;

import io.mpreg.spring.MpregFunction;

/** The annotation sits on the implementation; only the proxy's interface is visible from outside. */
class CountingService implements Counter {

    private final AtomicInteger total = new AtomicInteger();

    @Override
    @MpregFunction(name = "count")
    public int add(int by) {
        return total.addAndGet(by);
    }
}
