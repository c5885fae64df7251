package org.jasyncio.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * One node of a generated program: a template per twin (the async one with {@code await},
 * the reference with a synchronous evaluation) whose {@code #0}, {@code #1}, ... stand for
 * the children. The shrinker replaces children by their {@link #simpler} alternatives.
 */
final class Node {

    final String asyncTemplate;
    final String syncTemplate;
    final List<Node> kids;
    /** Smaller nodes that may stand in for this one (same type, still valid Java as far as we know). */
    final List<Node> simpler = new ArrayList<>();

    Node(String asyncTemplate, String syncTemplate, List<Node> kids) {
        this.asyncTemplate = asyncTemplate;
        this.syncTemplate = syncTemplate;
        this.kids = new ArrayList<>(kids);
    }

    static Node text(String both, Node... kids) {
        return new Node(both, both, List.of(kids));
    }

    static Node twin(String async, String sync, Node... kids) {
        return new Node(async, sync, List.of(kids));
    }

    Node orSimpler(Node... alternatives) {
        simpler.addAll(List.of(alternatives));
        return this;
    }

    String render(boolean async) {
        StringBuilder out = new StringBuilder();
        render(async, out);
        return out.toString();
    }

    private void render(boolean async, StringBuilder out) {
        String template = async ? asyncTemplate : syncTemplate;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '#' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
                int end = i + 1;
                while (end < template.length() && Character.isDigit(template.charAt(end))) {
                    end++;
                }
                kids.get(Integer.parseInt(template.substring(i + 1, end))).render(async, out);
                i = end - 1;
            } else {
                out.append(c);
            }
        }
    }

    int size() {
        int size = 1;
        for (Node kid : kids) {
            size += kid.size();
        }
        return size;
    }
}
