# syntax=docker/dockerfile:1
# Build stage: the Maven Wrapper fetches Maven; tests run in CI (.ci/run), not in the image build.
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
RUN ./mvnw -B -q -DskipTests package

# Run stage: a JRE and the one shaded jar, as a non-root user.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /nonexistent --shell /usr/sbin/nologin cfcheck \
 && printf '#!/bin/sh\nexec java $CFCHECK_JAVA_OPTS -jar /opt/cfcheck/cfcheck.jar "$@"\n' > /usr/local/bin/cfcheck \
 && chmod 755 /usr/local/bin/cfcheck
COPY --from=build /src/bot/target/cfcheck.jar /opt/cfcheck/cfcheck.jar
USER 10001
# Slack HTTP mode listens here when SLACK_SIGNING_SECRET is set.
EXPOSE 3000
ENTRYPOINT ["cfcheck"]
CMD ["bot"]
