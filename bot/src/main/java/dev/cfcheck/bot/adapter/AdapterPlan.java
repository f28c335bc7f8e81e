package dev.cfcheck.bot.adapter;

/** What the environment says about one platform. */
public sealed interface AdapterPlan {

    /** None of the platform's variables is set: it is simply not used. */
    record NotConfigured() implements AdapterPlan {
    }

    /** Some variables are set but not enough: one line naming what is missing; the platform stays off. */
    record Misconfigured(String reason) implements AdapterPlan {
    }

    /** Ready to start. */
    record Ready(BotAdapter adapter) implements AdapterPlan {
    }
}
