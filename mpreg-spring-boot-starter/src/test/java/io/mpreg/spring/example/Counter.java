package io.mpreg.spring.example;

/** A service behind an interface, so Spring proxies it with a JDK dynamic proxy. */
interface Counter {

    int add(int by);
}
