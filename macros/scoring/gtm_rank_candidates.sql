{#-
    gtm_rank_candidates(candidates, position)

    The two rank columns of one candidate in the `record_scores` CTE of
    gtm_score_definitions, named with the candidate's prefix: the one place the tie
    rule is written. The candidates of a record are the live and draft definitions of
    its group; paused ones get a NULL rank and are never assigned.

    - `candidate_rank` orders all candidates: passed before gated out, then score, then
      priority and code. Scores are NULL exactly when gated out and are compared
      through coalesce(score, -1), so the order never depends on where an engine sorts
      NULLs. Priority and code are fixed when the SQL is compiled, so they decide
      through the candidates' order in the list (by priority, then code): an earlier
      candidate with an equal score ranks first.
    - `is_assigned` is true for the record's best live, not gated-out candidate by the
      same order.

    Each candidate's rank counts the candidates before it, so nothing sorts the
    records' rows.

    Arguments:
        candidates: the group's definitions in priority, then code order, each a dict
            with `prefix` (its column prefix, such as `d1__`) and `status`
        position: the candidate's index in `candidates`, from 0

    Example: gtm_rank_candidates([{'prefix': 'd1__', 'status': 'live'}, {'prefix': 'd2__', 'status': 'live'}], 1)
             ->  cast(1 + case when coalesce(d1__score, -1) >= coalesce(d2__score, -1) then 1 else 0 end as integer)
                     as d2__candidate_rank,
                 (not d2__is_gated_out and (d1__is_gated_out or d1__score < d2__score)) as d2__is_assigned
             (each as one select-list line, spread over several lines in the output)
-#}
{% macro gtm_rank_candidates(candidates, position) %}
    {%- set candidate = candidates[position] -%}
    {%- if candidate.status not in ['live', 'draft'] -%}
        {{ return(['cast(null as integer) as ' ~ candidate.prefix ~ 'candidate_rank', 'false as ' ~ candidate.prefix ~ 'is_assigned']) }}
    {%- endif -%}
    {%- set earlier_counts = [] -%}
    {%- set assigned_checks = ['not ' ~ candidate.prefix ~ 'is_gated_out'] if candidate.status == 'live' else ['false'] -%}
    {%- for index in range(candidates | length) if index != position and candidates[index].status in ['live', 'draft'] -%}
        {%- set other = candidates[index] -%}
        {#- An earlier candidate ranks first on an equal score, a later one only on a higher score. -#}
        {%- set is_earlier = index < position -%}
        {%- do earlier_counts.append(
            'case when coalesce(' ~ other.prefix ~ 'score, -1) ' ~ ('>=' if is_earlier else '>')
            ~ ' coalesce(' ~ candidate.prefix ~ 'score, -1) then 1 else 0 end'
        ) -%}
        {%- if candidate.status == 'live' and other.status == 'live' -%}
            {%- do assigned_checks.append(
                '(' ~ other.prefix ~ 'is_gated_out or ' ~ other.prefix ~ 'score ' ~ ('<' if is_earlier else '<=')
                ~ ' ' ~ candidate.prefix ~ 'score)'
            ) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set rank = 'cast(\n            ' ~ (['1'] + earlier_counts) | join('\n            + ') ~ '\n            as integer\n        ) as ' ~ candidate.prefix ~ 'candidate_rank' -%}
    {%- if assigned_checks | length == 1 -%}
        {%- set assigned = assigned_checks[0] ~ ' as ' ~ candidate.prefix ~ 'is_assigned' -%}
    {%- else -%}
        {%- set assigned = '(\n            ' ~ assigned_checks | join('\n            and ') ~ '\n        ) as ' ~ candidate.prefix ~ 'is_assigned' -%}
    {%- endif -%}
    {{ return([rank, assigned]) }}
{% endmacro %}
