{#-
    gtm_rank_candidates(record_key, priority_column, code_column)

    The two rank columns of a candidates CTE, the one place the tie rule is written:
    `candidate_rank` orders all of a record's candidates (passed before gated out, then
    score, priority and code), and `eligible_rank` orders the eligible ones (live and not
    gated out) first, so `is_eligible and eligible_rank = 1` is the assignment. Scores
    are compared through coalesce, so the order never depends on where an engine sorts
    NULLs. The CTE needs is_gated_out, score and is_eligible.

    Example: select candidates.*, {{ gtm_rank_candidates('company_id', 'icp_priority', 'icp_code') }}
-#}
{% macro gtm_rank_candidates(record_key, priority_column, code_column) %}
        row_number() over (
            partition by {{ record_key }}
            order by
                case when is_gated_out then 1 else 0 end asc,
                coalesce(score, -1) desc,
                {{ priority_column }} asc,
                {{ code_column }} asc
        ) as candidate_rank,
        row_number() over (
            partition by {{ record_key }}
            order by
                case when is_eligible then 0 else 1 end asc,
                coalesce(score, -1) desc,
                {{ priority_column }} asc,
                {{ code_column }} asc
        ) as eligible_rank
{%- endmacro %}
