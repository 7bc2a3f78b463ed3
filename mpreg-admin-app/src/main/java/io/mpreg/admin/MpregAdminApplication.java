package io.mpreg.admin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The MPREG operations app: cluster topology, alerting and the health of every node. */
@SpringBootApplication
public class MpregAdminApplication {

    public static void main(String[] args) {
        SpringApplication.run(MpregAdminApplication.class, args);
    }
}
