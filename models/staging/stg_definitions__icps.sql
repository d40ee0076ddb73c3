-- The ICP definitions as typed data for BI. The scoring models compile the same seed
-- through gtm_definitions(), which validates it first.

with

source as (

    select * from {{ ref('icps') }}

),

typed as (

    select
        cast(icp_code as {{ dbt.type_string() }}) as icp_code,
        cast(icp_name as {{ dbt.type_string() }}) as icp_name,
        cast(status as {{ dbt.type_string() }}) as status,
        cast(priority as integer) as priority,
        cast(description as {{ dbt.type_string() }}) as description
    from source

)

select * from typed
