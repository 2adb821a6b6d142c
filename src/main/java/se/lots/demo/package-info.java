/** First start: the admin account and the demo förbund area (Svalöv) with users of every role and 200 young persons. */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package se.lots.demo;
