package dev.cfcheck.bot.render.discord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * Lays out one embed within Discord's limits, trimming gracefully instead of failing: Discord rejects the
 * whole message when any limit is exceeded, which during an incident means no card at all.
 *
 * <p>Priority when space runs out: title and footer are kept (each cut to its own limit); the description
 * keeps at least its first block; field values are shortened longest first; description blocks past the
 * budget are dropped whole (a step with its code block is never cut in half) and a note says how many.
 * All text handed in must already be escaped.
 */
final class EmbedBudget {
    static final int TITLE_MAX = MessageEmbed.TITLE_MAX_LENGTH;
    static final int DESCRIPTION_MAX = MessageEmbed.DESCRIPTION_MAX_LENGTH;
    static final int FIELDS_MAX = MessageEmbed.MAX_FIELD_AMOUNT;
    static final int FIELD_NAME_MAX = MessageEmbed.TITLE_MAX_LENGTH;
    static final int FIELD_VALUE_MAX = MessageEmbed.VALUE_MAX_LENGTH;
    static final int FOOTER_MAX = MessageEmbed.TEXT_MAX_LENGTH;
    static final int TOTAL_MAX = MessageEmbed.EMBED_MAX_LENGTH_BOT;

    /** The description keeps at least this much (or all of it, when shorter) before fields are shortened. */
    private static final int DESCRIPTION_RESERVE = 1500;
    /** Room kept free for the "N more" note after dropped description blocks. */
    private static final int NOTE_RESERVE = 80;
    private static final String EMPTY_VALUE = "—";

    /** One field; name and value already escaped. */
    record Field(String name, String value, boolean inline) {
    }

    private final int color;
    private final Instant timestamp;
    private String title = "";
    private final List<String> blocks = new ArrayList<>();
    private IntFunction<String> droppedNote = n -> "… " + n + " more not shown";
    private final List<Field> fields = new ArrayList<>();
    private IntFunction<String> droppedFieldsNote = n -> n + " more not shown";
    private String footer = "";

    EmbedBudget(int color, Instant timestamp) {
        this.color = color;
        this.timestamp = timestamp;
    }

    EmbedBudget title(String escapedTitle) {
        this.title = escapedTitle == null ? "" : escapedTitle;
        return this;
    }

    /**
     * Adds a description block. Blocks are joined with a line break; the first block may be shortened,
     * later ones are kept whole or dropped.
     */
    EmbedBudget block(String escapedBlock) {
        if (escapedBlock != null && !escapedBlock.isEmpty()) {
            blocks.add(escapedBlock);
        }
        return this;
    }

    /** The line that replaces dropped description blocks, given how many were dropped. */
    EmbedBudget droppedBlocksNote(IntFunction<String> note) {
        this.droppedNote = note;
        return this;
    }

    EmbedBudget field(String escapedName, String escapedValue, boolean inline) {
        fields.add(new Field(escapedName == null || escapedName.isBlank() ? EMPTY_VALUE : escapedName,
                escapedValue == null || escapedValue.isBlank() ? EMPTY_VALUE : escapedValue, inline));
        return this;
    }

    /** The value of the last field when more than 25 were given, given how many did not fit. */
    EmbedBudget droppedFieldsNote(IntFunction<String> note) {
        this.droppedFieldsNote = note;
        return this;
    }

    /** Footer text; Discord does not render markdown there, so it is plain text (not escaped). */
    EmbedBudget footer(String plainFooter) {
        this.footer = plainFooter == null ? "" : plainFooter;
        return this;
    }

    MessageEmbed build() {
        String t = DiscordMarkdown.fit(title, TITLE_MAX);
        String f = DiscordMarkdown.fit(footer, FOOTER_MAX);
        List<Field> capped = cappedFields();
        int fixed = t.length() + f.length() + capped.stream().mapToInt(x -> x.name().length()).sum();

        int descriptionWanted = Math.min(DESCRIPTION_MAX, joinedLength(blocks));
        int valueBudget = Math.max(0, TOTAL_MAX - fixed - Math.min(descriptionWanted, DESCRIPTION_RESERVE));
        List<Field> fitted = fitValues(capped, valueBudget);
        int used = fixed + fitted.stream().mapToInt(x -> x.value().length()).sum();
        String description = description(Math.min(DESCRIPTION_MAX, TOTAL_MAX - used));

        EmbedBuilder b = new EmbedBuilder().setColor(color);
        if (!t.isEmpty()) {
            b.setTitle(t);
        }
        if (!description.isEmpty()) {
            b.setDescription(description);
        }
        fitted.forEach(x -> b.addField(x.name(), x.value(), x.inline()));
        if (!f.isEmpty()) {
            b.setFooter(f);
        }
        if (timestamp != null) {
            b.setTimestamp(timestamp);
        }
        return b.build();
    }

    /** At most 25 fields (the last one then says how many were left out), each within its own limits. */
    private List<Field> cappedFields() {
        List<Field> out = new ArrayList<>();
        int keep = fields.size() > FIELDS_MAX ? FIELDS_MAX - 1 : fields.size();
        for (int i = 0; i < keep; i++) {
            Field x = fields.get(i);
            out.add(new Field(DiscordMarkdown.fit(x.name(), FIELD_NAME_MAX), DiscordMarkdown.fit(x.value(), FIELD_VALUE_MAX),
                    x.inline()));
        }
        if (fields.size() > FIELDS_MAX) {
            out.add(new Field("…", DiscordMarkdown.fit(droppedFieldsNote.apply(fields.size() - keep), FIELD_VALUE_MAX), false));
        }
        return out;
    }

    /** Shortens the longest values first until all of them fit in {@code budget} ("water-filling"). */
    private static List<Field> fitValues(List<Field> in, int budget) {
        int total = in.stream().mapToInt(x -> x.value().length()).sum();
        if (total <= budget) {
            return in;
        }
        int cap = Math.max(1, budget / Math.max(1, in.size()));
        // Raise the cap while the values under it leave room: short values keep all their text.
        while (true) {
            int next = cap + 1;
            int sum = 0;
            for (Field x : in) {
                sum += Math.min(x.value().length(), next);
            }
            if (sum > budget || next > FIELD_VALUE_MAX) {
                break;
            }
            cap = next;
        }
        List<Field> out = new ArrayList<>(in.size());
        for (Field x : in) {
            out.add(new Field(x.name(), DiscordMarkdown.fit(x.value(), cap), x.inline()));
        }
        return out;
    }

    private String description(int budget) {
        if (blocks.isEmpty() || budget <= 0) {
            return "";
        }
        StringBuilder d = new StringBuilder();
        int i = 0;
        for (; i < blocks.size(); i++) {
            String block = blocks.get(i);
            int separator = d.length() == 0 ? 0 : 1;
            boolean last = i == blocks.size() - 1;
            int room = budget - d.length() - separator - (last ? 0 : NOTE_RESERVE);
            if (block.length() <= room) {
                d.append(separator == 0 ? "" : "\n").append(block);
            } else if (i == 0) {
                // The first block (the domain and summary) is shortened rather than dropped.
                d.append(DiscordMarkdown.fit(block, Math.max(1, budget - NOTE_RESERVE)));
            } else {
                break;
            }
        }
        if (i < blocks.size()) {
            String note = droppedNote.apply(blocks.size() - i);
            if (d.length() + 1 + note.length() <= budget) {
                d.append('\n').append(note);
            }
        }
        return d.length() <= budget ? d.toString() : DiscordMarkdown.fit(d.toString(), budget);
    }

    private static int joinedLength(List<String> parts) {
        int n = 0;
        for (String p : parts) {
            n += p.length() + 1;
        }
        return Math.max(0, n - 1);
    }
}
