package io.mpreg.spring.example;

import java.util.concurrent.atomic.AtomicInteger;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.autoproxy.BeanNameAutoProxyCreator;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A user's application: a couple of annotated beans, one of them behind an AOP proxy. */
@SpringBootApplication(proxyBeanMethods = false)
class ExampleApplication {

    /** How many calls went through the proxy's advice. */
    static final AtomicInteger ADVISED_CALLS = new AtomicInteger();

    @Bean
    Counter countingService() {
        return new CountingService();
    }

    @Bean
    MethodInterceptor countingAdvice() {
        return invocation -> {
            ADVISED_CALLS.incrementAndGet();
            return invocation.proceed();
        };
    }

    @Bean
    static BeanNameAutoProxyCreator countingProxyCreator() {
        BeanNameAutoProxyCreator creator = new BeanNameAutoProxyCreator();
        creator.setBeanNames("countingService");
        creator.setInterceptorNames("countingAdvice");
        return creator;
    }
}
