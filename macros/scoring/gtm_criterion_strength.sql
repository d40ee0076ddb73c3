{#-
    gtm_criterion_strength(criterion, column, title_patterns={}, is_gate=false, indent=8)

    SQL expression for one criterion's match strength on one record: NULL when the
    value is unknown, else a number in [0, 1]. Yes/no operators give 1 or 0; a numeric
    range in score mode gives `gtm_falloff_strength` (0.7 by default) within the falloff
    margin just outside the range. Gates (filter and exclude) never use the falloff.

    Arguments:
        criterion: one parsed criterion (see gtm_parse_definitions)
        column: the SQL reference to the parameter's feature column
        title_patterns: word keys and signatures of title patterns, from gtm_title_patterns
        is_gate: true for filter and exclude criteria
        indent: spaces before the continuation lines of the CASE expression

    Example: gtm_criterion_strength({'operator': 'is_true', ...}, 'features.is_churned')
             ->  case
                     when features.is_churned is null then null
                     when features.is_churned then 1.0
                     else 0.0
                 end
-#}
{% macro gtm_criterion_strength(criterion, column, title_patterns={}, is_gate=false, indent=8) %}
    {%- set operator = criterion.operator -%}
    {%- set values = criterion['values'] -%}
    {%- set condition = none -%}
    {%- set partial_condition = none -%}

    {%- if operator in ['in', 'not_in'] and criterion.type == 'seniority' -%}
        {%- set literals = [] -%}
        {%- for value in values -%}{%- do literals.append(gtm_quote(value | lower)) -%}{%- endfor -%}
        {%- set condition = column ~ " in (" ~ literals | join(', ') ~ ")" -%}
    {%- elif operator in ['in', 'not_in'] -%}
        {%- set literals = [] -%}
        {%- for value in values -%}{%- do literals.append(gtm_quote(value | lower)) -%}{%- endfor -%}
        {%- set condition = "lower(" ~ column ~ ") " ~ ('not in' if operator == 'not_in' else 'in') ~ " (" ~ literals | join(', ') ~ ")" -%}
    {%- elif operator in ['at_least', 'at_most'] -%}
        {%- set ladder = gtm_seniority_ladder() -%}
        {%- set rank_cases = [] -%}
        {%- for level in ladder -%}{%- do rank_cases.append("when " ~ gtm_quote(level) ~ " then " ~ loop.index) -%}{%- endfor -%}
        {%- set condition = "(case " ~ column ~ " " ~ rank_cases | join(' ') ~ " end) " ~ ('>=' if operator == 'at_least' else '<=') ~ " " ~ (ladder.index(values[0]) + 1) -%}
    {%- elif operator in ['any', 'all', 'none'] -%}
        {%- set checks = [] -%}
        {%- for value in values -%}
            {%- set item = '|' ~ (value | lower).split() | join(' ') ~ '|' -%}
            {%- do checks.append("position(" ~ gtm_quote(item) ~ " in " ~ column ~ ") > 0") -%}
        {%- endfor -%}
        {%- if operator == 'all' -%}
            {%- set condition = "(" ~ checks | join(' and ') ~ ")" -%}
        {%- elif operator == 'any' -%}
            {%- set condition = "(" ~ checks | join(' or ') ~ ")" -%}
        {%- else -%}
            {%- set condition = "not (" ~ checks | join(' or ') ~ ")" -%}
        {%- endif -%}
    {%- elif operator == 'exact' -%}
        {%- set word_keys = title_patterns.get('word_keys', {}) -%}
        {%- set literals = [] -%}
        {%- for value in values if word_keys.get(value) -%}{%- do literals.append(gtm_quote(word_keys[value])) -%}{%- endfor -%}
        {%- set condition = (column ~ " in (" ~ literals | join(', ') ~ ")") if literals else 'false' -%}
    {%- elif operator == 'wildcard' -%}
        {%- set likes = [] -%}
        {%- for value in values -%}
            {%- set parts = [] -%}
            {%- for chunk in value.split('*') -%}{%- do parts.append(title_patterns.get('word_keys', {}).get(chunk) or '') -%}{%- endfor -%}
            {%- do likes.append(column ~ " like " ~ gtm_quote(parts | join('%'))) -%}
        {%- endfor -%}
        {%- set condition = "(" ~ likes | join(' or ') ~ ")" -%}
    {%- elif operator == 'semantic' -%}
        {#- The same role in other words, word order, abbreviations or language: the
            title's role signature equals the pattern's. gtm_validate_definitions rejects a
            pattern whose signature names no function or role. -#}
        {%- set signatures = title_patterns.get('signatures', {}) -%}
        {%- set literals = [] -%}
        {%- for value in values if signatures.get(value) -%}
            {%- do literals.append(gtm_quote(signatures[value])) -%}
        {%- endfor -%}
        {%- set column = column ~ '__signature' -%}
        {%- set condition = (column ~ " in (" ~ literals | join(', ') ~ ")") if literals else 'false' -%}
    {%- elif operator in ['is_true', 'is_false'] -%}
        {%- set condition = column if operator == 'is_true' else "not " ~ column -%}
    {%- elif operator == 'within_days' -%}
        {%- set condition = column ~ " <= " ~ (values[0] | int) -%}
    {%- elif operator == 'band' -%}
        {%- set ranges = [] -%}
        {%- for band in criterion.bands -%}
            {%- if band.max is none -%}
                {%- do ranges.append(column ~ " >= " ~ band.min) -%}
            {%- else -%}
                {%- do ranges.append(column ~ " between " ~ band.min ~ " and " ~ band.max) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- set condition = "(" ~ ranges | join(' or ') ~ ")" -%}
    {%- elif operator == 'between' -%}
        {%- set inside = [] -%}
        {%- set near = [] -%}
        {%- if criterion.min is not none -%}
            {%- do inside.append(column ~ " >= " ~ gtm_format_number(criterion.min)) -%}
            {%- do near.append(column ~ " >= " ~ gtm_format_number(criterion.min - (criterion.min | abs) * criterion.falloff)) -%}
        {%- endif -%}
        {%- if criterion.max is not none -%}
            {%- do inside.append(column ~ " <= " ~ gtm_format_number(criterion.max)) -%}
            {%- do near.append(column ~ " <= " ~ gtm_format_number(criterion.max + (criterion.max | abs) * criterion.falloff)) -%}
        {%- endif -%}
        {%- set condition = inside | join(' and ') -%}
        {%- if not is_gate and criterion.falloff > 0 -%}
            {%- set partial_condition = near | join(' and ') -%}
        {%- endif -%}
    {%- endif -%}

    {%- if condition is none -%}
        {{ exceptions.raise_compiler_error("gtm_criterion_strength: operator '" ~ operator ~ "' has no SQL implementation; add it here and in gtm_operators_by_type.") }}
    {%- endif -%}
    {%- set branches = [
        "case",
        "    when " ~ column ~ " is null then null",
        "    when " ~ condition ~ " then 1.0",
    ] -%}
    {%- if partial_condition is not none -%}
        {%- do branches.append("    when " ~ partial_condition ~ " then " ~ var('gtm_falloff_strength')) -%}
    {%- endif -%}
    {%- do branches.append("    else 0.0") -%}
    {%- do branches.append("end") -%}
    {{ return(branches | join('\n' ~ ' ' * indent)) }}
{% endmacro %}
