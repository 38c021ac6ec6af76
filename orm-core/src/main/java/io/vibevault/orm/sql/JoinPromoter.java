package io.vibevault.orm.sql;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Django's join promotion: after the children of one condition node are built, a join that not
 * every OR-ed child needs becomes LEFT OUTER (so rows lacking it are not lost), and a join an
 * AND-ed child requires becomes INNER again. Negation swaps AND and OR.
 */
final class JoinPromoter {
  private final Connector effective;
  private final int children;
  private final Map<String, Integer> votes = new HashMap<>();

  JoinPromoter(Connector connector, int children, boolean negated) {
    Connector c = connector == Connector.XOR ? Connector.OR : connector;
    this.effective = negated ? (c == Connector.AND ? Connector.OR : Connector.AND) : c;
    this.children = children;
  }

  void addVotes(Set<String> aliases) {
    for (String a : aliases) {
      votes.merge(a, 1, Integer::sum);
    }
  }

  /** Promotes and demotes joins of {@code query}; returns the aliases required as INNER. */
  Set<String> updateJoinTypes(Query query) {
    Set<String> promote = new HashSet<>();
    Set<String> demote = new HashSet<>();
    for (Map.Entry<String, Integer> e : votes.entrySet()) {
      if (effective == Connector.OR && e.getValue() < children) {
        promote.add(e.getKey());
      }
      if (effective == Connector.AND || (effective == Connector.OR && e.getValue() == children)) {
        demote.add(e.getKey());
      }
    }
    query.aliases.promote(promote);
    query.aliases.demote(demote);
    return demote;
  }
}
