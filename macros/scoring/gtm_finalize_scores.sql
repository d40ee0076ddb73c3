{#-
    gtm_finalize_scores(record_key)

    The select list that turns the `candidates` CTE of gtm_score_definitions into
    scores: score = round(100 x points / total weight, 2), NULL when gated out and 100
    for a definition without score criteria; coverage = known weight / total weight
    (1 without score criteria). An unknown value adds no points but keeps its weight.

    Example: select {{ gtm_finalize_scores('company_id') }} from candidates
-#}
{% macro gtm_finalize_scores(record_key) %}
        {{ record_key }},
        icp_code,
        persona_code,
        is_gated_out,
        case
            when is_gated_out then null
            when total_weight = 0 then cast(100 as {{ dbt.type_numeric() }})
            else round(cast(100.0 * weighted_points / total_weight as {{ dbt.type_numeric() }}), 2)
        end as score,
        case
            when total_weight = 0 then cast(1 as {{ dbt.type_numeric() }})
            else round(cast(known_weight / total_weight as {{ dbt.type_numeric() }}), 4)
        end as coverage
{%- endmacro %}
