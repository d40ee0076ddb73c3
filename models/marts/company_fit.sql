-- One row per usable company: its assigned ICP and score, or the state No ICP fit.
-- depends_on: {{ ref('int_definitions__validated') }}
{%- set definitions = gtm_definitions(validate=false) %}

with

companies as (

    select * from {{ ref('stg_gtm__companies') }}
    where
        company_id is not null
        and not has_duplicate_id

),

assigned as (

    select * from {{ ref('int_companies__icp_ranked') }}
    where is_assigned

),

final as (

    select
        cast(companies.company_id as {{ dbt.type_string() }}) as company_id,
        cast(companies.company_name as {{ dbt.type_string() }}) as company_name,
        cast(companies.domain as {{ dbt.type_string() }}) as domain,
        cast(companies.country_code as {{ dbt.type_string() }}) as country_code,
        cast(companies.industry as {{ dbt.type_string() }}) as industry,
        cast(companies.employee_count as bigint) as employee_count,
        cast(assigned.icp_code as {{ dbt.type_string() }}) as icp_code,
        cast(assigned.icp_name as {{ dbt.type_string() }}) as icp_name,
        cast(assigned.score as decimal(5, 2)) as icp_score,
        cast(assigned.coverage as decimal(5, 4)) as icp_coverage,
        cast(case when assigned.icp_code is null then 'no_icp_fit' else 'icp_fit' end as {{ dbt.type_string() }})
            as fit_status,
        cast({{ gtm_quote(definitions.version) }} as {{ dbt.type_string() }}) as definitions_version,
        {{ gtm_scored_at() }} as scored_at

    from companies

    left join assigned
        on companies.company_id = assigned.company_id

)

select * from final
