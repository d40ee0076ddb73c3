{#-
    gtm_finalize_scores(prefix, total_weight)

    The two select-list lines that turn one definition's columns of a `<group>__totals`
    CTE (gtm_score_definitions) into its score and coverage: score = round(100 x points
    / total weight, 2), NULL exactly when gated out and 100 for a definition without
    score criteria; coverage = known weight / total weight (1 without score criteria).
    An unknown value adds no points but keeps its weight. Both get a fixed decimal type,
    decimal(5, 2) and decimal(5, 4), so every branch and every engine returns the same
    scale. The double is first cast to decimal(18, 6), so both round half away from zero
    on every engine; a 64-bit decimal holds any score and rounds far faster on DuckDB
    than the 128-bit numeric(28, 6) of dbt.type_numeric().

    Arguments:
        prefix: the definition's column prefix, such as `d1__`
        total_weight: the sum of the definition's score weights (a number)

    Example: gtm_finalize_scores('d1__', 20)
             ->  cast(case when d1__is_gated_out then null ... end as decimal(5, 2)) as d1__score,
                 cast(case ... end as decimal(5, 4)) as d1__coverage
-#}
{% macro gtm_finalize_scores(prefix, total_weight) %}
        {%- if total_weight == 0 -%}
        cast(case when {{ prefix }}is_gated_out then null else 100 end as decimal(5, 2)) as {{ prefix }}score,
        cast(1 as decimal(5, 4)) as {{ prefix }}coverage
        {%- else -%}
        cast(
            case
                when {{ prefix }}is_gated_out then null
                else round(cast(100.0 * {{ prefix }}weighted_points / cast({{ gtm_format_number(total_weight) }} as {{ gtm_type_double() }}) as decimal(18, 6)), 2)
            end as decimal(5, 2)
        ) as {{ prefix }}score,
        cast(
            round(cast({{ prefix }}known_weight / cast({{ gtm_format_number(total_weight) }} as {{ gtm_type_double() }}) as decimal(18, 6)), 4) as decimal(5, 4)
        ) as {{ prefix }}coverage
        {%- endif -%}
{%- endmacro %}
