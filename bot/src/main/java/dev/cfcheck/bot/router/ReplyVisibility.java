package dev.cfcheck.bot.router;

/** Where a finished card is posted. Refusals, help and Details are always ephemeral. */
public enum ReplyVisibility {
    /** Everyone in the channel sees the card: the incident channel shares one view. */
    IN_CHANNEL,
    /** Only the person who asked sees it. */
    EPHEMERAL
}
