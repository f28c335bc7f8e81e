# syntax=docker/dockerfile:1
# cfcheck's image: the bot (CMD) or any cfcheck command, as a non-root user, started with a class-data archive,
# with a HEALTHCHECK on the operator port. Build: docker build -t cfcheck . (docs/operations.md, "Docker").

# Build stage: the Maven Wrapper fetches Maven; the tests run in CI (.ci/run), not in the image build.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY config/pom.xml config/
COPY probes/pom.xml probes/
COPY bot/pom.xml bot/
RUN ./mvnw -B -q dependency:go-offline -DexcludeGroupIds=dev.cfcheck || true
COPY config/ config/
COPY probes/ probes/
COPY bot/ bot/
# The jar, plus what the class-data training below needs (the test classes and their libraries). The archive
# itself is made in the image stage: an archive serves only the JVM that made it, and that is the JRE's.
RUN ./mvnw -B -q -DskipTests -Dcfcheck.cds.skip=true package dependency:copy-dependencies \
      -DincludeScope=test -DoutputDirectory=target/training-lib

# Image stage: a JRE, the shaded jar, its launcher and its class-data archive.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /nonexistent --shell /usr/sbin/nologin cfcheck
COPY --chmod=755 bot/src/main/launcher/cfcheck /opt/cfcheck/cfcheck
COPY --from=build /src/bot/target/cfcheck.jar /opt/cfcheck/cfcheck.jar
# A training check of a loopback site by this image's JVM lists the classes a check loads; -Xshare:dump lays them
# out in /opt/cfcheck/cfcheck.jsa. The build stage's test classes are mounted for this step only, so none of them
# is in the image. The last command fails the build if the JVM cannot map the archive it has just made.
RUN --mount=type=bind,from=build,source=/src/bot/target,target=/training \
    java -cp "/training/test-classes:/training/training-lib/*" dev.cfcheck.bot.launch.ClassDataTraining /opt/cfcheck/cfcheck.jar \
 && rm /opt/cfcheck/cfcheck.classlist \
 && ln -s /opt/cfcheck/cfcheck /usr/local/bin/cfcheck \
 && CFCHECK_JAVA_OPTS=-Xshare:on cfcheck --version
USER 10001
# The operator port (/metrics, /healthz, /readyz) on loopback inside the container: the HEALTHCHECK asks it there.
# Set CFCHECK_METRICS_BIND=0.0.0.0 to let Prometheus in from outside the container too.
ENV CFCHECK_METRICS_PORT=9464
# Slack HTTP mode listens on 3000 when SLACK_SIGNING_SECRET is set; 9464 is the operator port.
EXPOSE 3000 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["cfcheck", "health", "--timeout", "3"]
ENTRYPOINT ["cfcheck"]
CMD ["bot"]
