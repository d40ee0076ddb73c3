{#- Compiling the audiences here validates them: an invalid audience fails this model
    with one error listing every problem, and dbt then skips every audience model
    downstream. One row per audience, the built-in default audience included. -#}
{%- set audiences = gtm_audiences(log_summary=true) -%}

with

audiences as (
    {%- for audience in audiences %}
        {%- set ranking = [] %}
        {%- for item in audience.rank_by %}
            {%- do ranking.append(item.column ~ ' ' ~ item.direction) %}
        {%- endfor %}

        select
            cast({{ gtm_quote(audience.code) }} as {{ dbt.type_string() }}) as audience_code,
            cast({{ gtm_quote(audience.name) }} as {{ dbt.type_string() }}) as audience_name,
            cast({{ gtm_quote(audience.motion) }} as {{ dbt.type_string() }}) as motion,
            cast({{ gtm_quote(audience.grain) }} as {{ dbt.type_string() }}) as member_grain,
            cast({{ gtm_quote(gtm_audience_condition_label(audience.where)) }} as {{ dbt.type_string() }})
                as conditions,
            cast({{ gtm_quote(ranking | join(', ')) }} as {{ dbt.type_string() }}) as ranked_by,
            cast({{ audience.limit if audience.limit is not none else 'null' }} as integer) as member_limit,
            cast({{ audience.max_removed_share }} as {{ gtm_type_double() }}) as max_removed_share,
            cast({{ gtm_quote(audience.version) }} as {{ dbt.type_string() }}) as audience_version
        {%- if not loop.last %}

            union all
        {%- endif %}
    {%- endfor %}

)

select * from audiences
