package dev.cfcheck.bot.card;

import java.util.List;

/** One titled block of the Details view ("DNS", "Edge (https)", "Origin 203.0.113.7"...), one fact a line. */
public record DetailSection(String title, List<String> lines) {

    public DetailSection {
        lines = List.copyOf(lines);
    }
}
