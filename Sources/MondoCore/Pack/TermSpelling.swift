extension Pack {
    /// A pattern term as the author wrote it: `left turn`, not the stems `left turn` → `leav turn`;
    /// concepts as `~name`. Falls back to the term's stems for terms made outside the loader.
    public func written(_ term: Term) -> String {
        if case .concept = term { return term.description }
        return spellings[term] ?? term.description
    }
}
