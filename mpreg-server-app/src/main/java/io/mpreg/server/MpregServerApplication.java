package io.mpreg.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The reference MPREG node: one port serving WebSocket RPC, Actuator and Prometheus. */
@SpringBootApplication
public class MpregServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(MpregServerApplication.class, args);
    }
}
