{#-
    gtm_finalize_scores(record_key)

    The select list that turns the `candidates` CTE of gtm_score_definitions into
    scores: score = round(100 x points / total weight, 2), NULL when gated out and 100
    for a definition without score criteria; coverage = known weight / total weight
    (1 without score criteria). An unknown value adds no points but keeps its weight.
    Both get a fixed decimal type, decimal(5, 2) and decimal(5, 4), so every branch and
    every engine returns the same scale.

    Example: select {{ gtm_finalize_scores('company_id') }} from candidates
-#}
{% macro gtm_finalize_scores(record_key) %}
        {{ record_key }},
        icp_code,
        persona_code,
        is_gated_out,
        cast(
            case
                when is_gated_out then null
                when total_weight = 0 then 100
                else round(cast(100.0 * weighted_points / total_weight as {{ dbt.type_numeric() }}), 2)
            end as decimal(5, 2)
        ) as score,
        cast(
            case
                when total_weight = 0 then 1
                else round(cast(known_weight / total_weight as {{ dbt.type_numeric() }}), 4)
            end as decimal(5, 4)
        ) as coverage
{%- endmacro %}
