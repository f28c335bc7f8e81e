package dev.cfcheck.bot.adapter;

import dev.cfcheck.bot.router.CommandRouter;

/** Reads one platform's settings from the environment and makes its adapter. One per platform. */
@FunctionalInterface
public interface AdapterFactory {

    AdapterPlan plan(Environment env, CommandRouter router);
}
